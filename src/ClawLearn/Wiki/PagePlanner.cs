namespace ClawLearn.Wiki;

/// <summary>
/// Every page the vault should hold, as a pure function of the cache: names are claimed first, in a fixed order (so
/// links can point at pages not built yet and names never depend on build order), then each page is built.
/// </summary>
public static class PagePlanner
{
    public static WikiPlan Plan(WikiCache cache)
    {
        var model = new WikiModel(cache);
        var map = new TopicMap(model);
        var directory = new PageDirectory();
        var ctx = new PageContext(model, map, directory);

        var health = model.Agents.Any(ContextHealthPage.Applies);
        if (health) directory.Claim("health", PageNames.Health);
        var withSessions = model.Agents.Where(a => model.SessionsOf(a.Id).Any()).ToList();
        foreach (var agent in withSessions) directory.Claim($"sessions:{agent.Id}", PageNames.Sessions(agent.Id));
        var months = JournalPages.Months(model, map).ToList();
        foreach (var month in months) directory.Claim($"journal:{month}", PageNames.Journal(month));
        var projects = map.Projects.ToList();
        foreach (var project in projects) directory.Claim($"project:{project.Slug}", PageNames.Project(project.Slug));
        var topics = map.Topics.ToList();
        foreach (var topic in topics) directory.Claim($"topic:{topic.Slug}", PageNames.Topic(topic.Slug));
        var tools = EntityPages.ToolNames(model).ToList();
        foreach (var tool in tools) directory.Claim($"tool:{tool}", PageNames.Tool(tool));
        var skills = EntityPages.SkillNames(model).ToList();
        foreach (var skill in skills) directory.Claim($"skill:{skill}", PageNames.Skill(skill));

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
