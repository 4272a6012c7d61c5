namespace ClawLearn.Learning;

/// <summary>
/// An arm id <c>type:category:id</c>; the id part may contain colons. Unlike the reference parser, an empty
/// id is rejected (learning-layer 7.1, bug 11).
/// </summary>
public readonly record struct ArmId(string Type, string Category, string Id)
{
    public override string ToString() => $"{Type}:{Category}:{Id}";

    public static string Build(string type, string category, string id) => $"{type}:{category}:{id}";

    public static ArmId? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var first = text.IndexOf(':');
        if (first <= 0) return null;
        var second = text.IndexOf(':', first + 1);
        if (second < 0) return null;
        var type = text[..first];
        var category = text[(first + 1)..second];
        var id = text[(second + 1)..];
        if (!ArmTypes.IsKnown(type) || category.Length == 0 || id.Length == 0) return null;
        return new ArmId(type, category, id);
    }

    public static string Tool(string name) => Build(ArmTypes.Tool, ToolCategories.Of(name), name);
    public static string Skill(string name) => Build(ArmTypes.Skill, name, "main");
    public static string WorkspaceFile(string name) => Build(ArmTypes.File, "workspace", name);
    public static string DailyNote(DateOnly date) => Build(ArmTypes.Memory, "daily", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}
