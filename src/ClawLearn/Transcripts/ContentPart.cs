namespace ClawLearn.Transcripts;

/// <summary>
/// One element of a message's <c>content</c> array (or the content itself when it is an object): the element as a
/// slot, and for an object the properties content handling reads.
/// </summary>
internal struct ContentPart
{
    public JsonSlot Value;
    public JsonSlot Type;
    public JsonSlot Text;
    public JsonSlot Id;
    public JsonSlot Name;
    public JsonSlot Arguments;
}
