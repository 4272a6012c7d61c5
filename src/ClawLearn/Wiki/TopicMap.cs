using ClawLearn.Workspace;

namespace ClawLearn.Wiki;

/// <summary>
/// Clusters every source by topic (B8 step 6: "by stable topic across dates and agents, never one page per session"):
/// MEMORY.md <c>##</c> sections become topics and their project subsections projects; notes join the project or topic
/// they are named after; a daily-note section goes to the projects its heading names, else to the topic of that name,
/// else, when its heading recurs on three days or more, to a topic of its own; sessions go to the projects they talk
/// about; DREAMS.md lines that MEMORY.md does not already say go to the projects they name.
/// </summary>
public sealed class TopicMap
{
    public const int RecurringDays = 3;

    private readonly Dictionary<string, TopicSpec> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProjectSpec> _projects = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Agent, string Arm), string> _armPages = [];
    private readonly Dictionary<(string Agent, string Page), List<SectionCost>> _hidden = [];
    private readonly Dictionary<NotePart, List<string>> _routes = [];
    private readonly List<Reflection> _reflections = [];

    public TopicMap(WikiModel model)
    {
        foreach (var memory in model.Memory) AddMemory(memory);
        foreach (var note in model.ProjectNotes) Project(PageNames.Slug(note.Name), note.Outline.Title ?? note.Name).Notes.Add(note);
        foreach (var note in model.OtherNotes) Topic(PageNames.Slug(note.Name) is { Length: > 0 } s ? s : "notes", note.Outline.Title ?? note.Name).Notes.Add(note);
        Matcher = new ProjectMatcher(_projects.Keys);
        RouteDailyNotes(model.Dailies);
        foreach (var session in model.Sessions)
        {
            foreach (var slug in session.Projects) _projects.GetValueOrDefault(slug)?.Sessions.Add(session);
        }
        AddReflections(model);
        foreach (var agent in model.Agents)
        {
            foreach (var section in agent.Sections.Where(s => s.Hidden))
            {
                if (PageOfArm(agent.Id, section.ArmId) is not { } page) continue;
                if (!_hidden.TryGetValue((agent.Id, page), out var list)) _hidden[(agent.Id, page)] = list = [];
                list.Add(section);
            }
        }
    }

    public ProjectMatcher Matcher { get; }

    public IEnumerable<TopicSpec> Topics => _topics.Values.OrderBy(t => t.Slug, StringComparer.Ordinal);

    public IEnumerable<ProjectSpec> Projects => _projects.Values.OrderBy(p => p.Slug, StringComparer.Ordinal);

    /// <summary>Every DREAMS.md line MEMORY.md does not already say, in file order.</summary>
    public IReadOnlyList<Reflection> Reflections => _reflections;

    /// <summary>The page key (<c>topic:&lt;slug&gt;</c> or <c>project:&lt;slug&gt;</c>) of a MEMORY.md section arm.</summary>
    public string? PageOfArm(string agentId, string armId) => _armPages.GetValueOrDefault((agentId, armId));

    /// <summary>An agent's MEMORY.md sections that truncation hides and that feed a page, in file order.</summary>
    public IReadOnlyList<SectionCost> HiddenOn(string agentId, string page) => _hidden.GetValueOrDefault((agentId, page)) ?? [];

    /// <summary>The page keys a daily-note section feeds (none: it lives in the journal only).</summary>
    public IReadOnlyList<string> RoutesOf(NotePart part) => _routes.GetValueOrDefault(part) ?? [];

    private void AddMemory(WorkspaceDoc memory)
    {
        var used = new UniqueSlugs();
        foreach (var section in memory.Outline.Sections.Where(s => s.Level == 2))
        {
            // Arm ids as MemorySections makes them (trace-contract 6), so context health can link each arm to its page.
            var h2 = used.Take(section.Heading, "");
            used.Reserve(h2 + ":main");
            var topic = Topic(PageNames.Slug(section.Heading) is { Length: > 0 } s ? s : "section", section.Heading);
            topic.Memory.Add(new MemoryPart(memory.AgentId, memory.Ref, section));
            _armPages[(memory.AgentId, $"memory:{h2}:main")] = $"topic:{topic.Slug}";
            var isProjects = ProjectCatalog.IsProjectSection(section);
            foreach (var child in section.Children)
            {
                var arm = $"memory:{h2}:{used.Take(child.Heading, h2 + ":")}";
                if (!isProjects || PageNames.Slug(child.Heading) is not { Length: > 0 } projectSlug)
                {
                    _armPages[(memory.AgentId, arm)] = $"topic:{topic.Slug}";
                    continue;
                }
                var project = Project(projectSlug, child.Heading);
                project.Memory.Add(new MemoryPart(memory.AgentId, memory.Ref, child));
                if (!project.Topics.Contains(topic.Slug)) project.Topics.Add(topic.Slug);
                if (!topic.Projects.Contains(projectSlug)) topic.Projects.Add(projectSlug);
                _armPages[(memory.AgentId, arm)] = $"project:{projectSlug}";
            }
        }
    }

    private void RouteDailyNotes(IReadOnlyList<WorkspaceDoc> dailies)
    {
        var pending = new Dictionary<string, List<NotePart>>(StringComparer.Ordinal);
        foreach (var note in dailies)
        {
            foreach (var section in note.Outline.Sections)
            {
                var part = new NotePart(note, section);
                var routes = new List<string>();
                var mentioned = new HashSet<string>(StringComparer.Ordinal);
                Matcher.Match(section.Heading.ToLowerInvariant(), mentioned);
                foreach (var slug in mentioned.Order(StringComparer.Ordinal))
                {
                    _projects[slug].Daily.Add(part);
                    routes.Add($"project:{slug}");
                }
                var topicSlug = PageNames.Slug(section.Heading);
                if (routes.Count == 0 && _topics.TryGetValue(topicSlug, out var topic))
                {
                    topic.Daily.Add(part);
                    routes.Add($"topic:{topicSlug}");
                }
                if (routes.Count == 0 && topicSlug.Length > 0)
                {
                    if (!pending.TryGetValue(topicSlug, out var list)) pending[topicSlug] = list = [];
                    list.Add(part);
                }
                _routes[part] = routes;
            }
        }
        foreach (var (slug, parts) in pending.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (parts.Select(p => p.Date).Distinct().Count() < RecurringDays) continue;
            var topic = Topic(slug, parts[0].Section!.Heading.StartsWith("Session:", StringComparison.OrdinalIgnoreCase)
                ? parts[0].Section!.Heading[8..].Trim() : parts[0].Section!.Heading);
            foreach (var part in parts)
            {
                topic.Daily.Add(part);
                _routes[part].Add($"topic:{slug}");
            }
        }
    }

    private void AddReflections(WikiModel model)
    {
        foreach (var dreams in model.Dreams)
        {
            var memory = model.MemoryOf(dreams.AgentId);
            var coverage = new MemoryCoverage(memory?.Outline.Sections.SelectMany(s => s.AllLines) ?? []);
            var entries = dreams.Outline.Sections.Select(s => (Date: ParseDate(s.Heading), Lines: s.AllLines))
                .Prepend((Date: null, Lines: dreams.Outline.Preamble));
            foreach (var (date, lines) in entries)
            {
                foreach (var line in lines.Where(l => !coverage.Covers(l)))
                {
                    var reflection = new Reflection(dreams.AgentId, dreams.Ref, date, line);
                    _reflections.Add(reflection);
                    var mentioned = new HashSet<string>(StringComparer.Ordinal);
                    Matcher.Match(line.ToLowerInvariant(), mentioned);
                    foreach (var slug in mentioned.Order(StringComparer.Ordinal)) _projects[slug].Reflections.Add(reflection);
                }
            }
        }
    }

    private TopicSpec Topic(string slug, string title)
    {
        if (!_topics.TryGetValue(slug, out var topic)) _topics[slug] = topic = new TopicSpec(slug, title);
        return topic;
    }

    private ProjectSpec Project(string slug, string title)
    {
        if (!_projects.TryGetValue(slug, out var project)) _projects[slug] = project = new ProjectSpec(slug, title);
        return project;
    }

    private static DateOnly? ParseDate(string heading) =>
        DateOnly.TryParseExact(heading.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) ? date : null;
}
