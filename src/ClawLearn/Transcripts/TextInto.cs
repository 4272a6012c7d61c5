namespace ClawLearn.Transcripts;

/// <summary>Writes the text of <paramref name="subject"/> (a part of <paramref name="line"/>) into <paramref name="text"/>.</summary>
internal delegate void TextInto<in T>(T subject, ReadOnlySpan<byte> line, DecodedText text);
