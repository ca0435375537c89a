using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The value of a choice column. Compared by value, as in the real SDK.</summary>
[DataContract(Name = "OptionSetValue", Namespace = XmlNamespaces.Contracts)]
public sealed class OptionSetValue : IExtensibleDataObject
{
    /// <summary>Creates a value of 0.</summary>
    public OptionSetValue()
    {
    }

    /// <summary>Creates the given option value.</summary>
    public OptionSetValue(int value)
    {
        Value = value;
    }

    /// <summary>The option's integer value.</summary>
    [DataMember]
    public int Value { get; set; }

    /// <summary>Round-trips data members this version does not know.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Equal when the other object is an OptionSetValue with the same value.</summary>
    public override bool Equals(object obj) => obj is OptionSetValue other && other.Value == Value;

    /// <summary>Hashes the value.</summary>
    public override int GetHashCode() => Value.GetHashCode();
}
