namespace ClawLearn.Learning;

/// <summary>The five arm types of arm ids <c>type:category:id</c> (learning-layer 1.1).</summary>
public static class ArmTypes
{
    public const string Tool = "tool";
    public const string Memory = "memory";
    public const string Skill = "skill";
    public const string File = "file";
    public const string Section = "section";

    public static bool IsKnown(string type) => type is Tool or Memory or Skill or File or Section;
}
