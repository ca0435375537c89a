namespace DualWrite.Core.Maps;

public enum StringTransformKind
{
    Trim,
    Upper,
    Lower,
    MaxLength,
}
