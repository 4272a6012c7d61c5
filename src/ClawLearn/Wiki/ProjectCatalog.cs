namespace ClawLearn.Wiki;

/// <summary>
/// Which projects an agent has: the <c>###</c> subsections of a MEMORY.md section whose heading says "project"
/// (the seed's <c>## Projects</c> / <c>### my-api</c> layout), and the notes under <c>memory/projects/</c>.
/// </summary>
public static class ProjectCatalog
{
    public static bool IsProjectSection(OutlineSection section) =>
        section.Level == 2 && PageNames.Slug(section.Heading).Contains("project", StringComparison.Ordinal);

    public static IEnumerable<OutlineSection> Subsections(Outline memory) =>
        memory.Sections.Where(IsProjectSection).SelectMany(s => s.Children).Where(c => PageNames.Slug(c.Heading).Length > 0);

    public static IReadOnlyList<string> Slugs(Outline? memory, IEnumerable<WorkspaceDoc> notes) =>
        (memory is null ? [] : Subsections(memory).Select(c => PageNames.Slug(c.Heading)))
            .Concat(notes.Where(n => n.Kind == NoteKind.Project).Select(n => PageNames.Slug(n.Name)))
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
