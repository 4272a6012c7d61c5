namespace ClawLearn.Wiki;

/// <summary>
/// Every page the vault should hold, as a pure function of the cache and the names already taken: names are claimed
/// first (pages generated before keep theirs, the rest in a fixed order, so links can point at pages not built yet and
/// names never depend on build order), then each page is built.
/// </summary>
public static class PagePlanner
{
    /// <param name="cache">What the pages are built from.</param>
    /// <param name="reservedNames">Basenames of the user's own pages, which no generated page may take.</param>
    /// <param name="kept">Paths of pages this tool generated before that may keep their names.</param>
    public static WikiPlan Plan(WikiCache cache, IEnumerable<string>? reservedNames = null, IReadOnlySet<string>? kept = null)
    {
        kept ??= new HashSet<string>(StringComparer.Ordinal);
        var model = new WikiModel(cache);
        var map = new TopicMap(model);
        var directory = new PageDirectory(reservedNames);
        var ctx = new PageContext(model, map, directory);

        var health = model.Agents.Any(ContextHealthPage.Applies);
        var claims = new List<(string Key, string Path)>();
        if (health) claims.Add(("health", PageNames.Health));
        var withSessions = model.Agents.Where(a => model.SessionsOf(a.Id).Any()).ToList();
        claims.AddRange(withSessions.Select(a => ($"sessions:{a.Id}", PageNames.Sessions(a.Id))));
        var months = JournalPages.Months(model, map).ToList();
        claims.AddRange(months.Select(m => ($"journal:{m}", PageNames.Journal(m))));
        var projects = map.Projects.ToList();
        claims.AddRange(projects.Select(p => ($"project:{p.Slug}", PageNames.Project(p.Slug))));
        var topics = map.Topics.ToList();
        claims.AddRange(topics.Select(t => ($"topic:{t.Slug}", PageNames.Topic(t.Slug))));
        var tools = EntityPages.ToolNames(model).ToList();
        claims.AddRange(tools.Select(t => ($"tool:{t}", PageNames.Tool(t))));
        var skills = EntityPages.SkillNames(model).ToList();
        claims.AddRange(skills.Select(s => ($"skill:{s}", PageNames.Skill(s))));
        // A page generated before keeps its path even when a page claimed earlier in the order now wants the same name
        // (a new project named like an existing topic): names never move under the user's links.
        foreach (var (key, path) in claims.Where(c => kept.Contains(c.Path))) directory.Claim(key, path);
        foreach (var (key, path) in claims) directory.Claim(key, path);

        var pages = new List<WikiPage>();
        if (health) pages.Add(ContextHealthPage.Build(ctx));
        pages.AddRange(withSessions.Select(a => SessionsPage.Build(a, ctx)));
        pages.AddRange(months.Select(m => JournalPages.Build(m, ctx)));
        pages.AddRange(projects.Select(p => ProjectPages.Build(p, ctx)));
        pages.AddRange(topics.Select(t => TopicPages.Build(t, ctx)));
        pages.AddRange(tools.Select(t => EntityPages.Tool(t, ctx)));
        pages.AddRange(skills.Select(s => EntityPages.Skill(s, ctx)));
        return new WikiPlan(pages.OrderBy(p => p.Path, StringComparer.Ordinal).ToList(), ctx);
    }
}
