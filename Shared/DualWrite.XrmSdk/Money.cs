using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The value of a currency column. Compared by value, as in the real SDK.</summary>
[DataContract(Name = "Money", Namespace = XmlNamespaces.Contracts)]
public sealed class Money : IExtensibleDataObject
{
    /// <summary>Creates an amount of 0.</summary>
    public Money()
    {
    }

    /// <summary>Creates the given amount.</summary>
    public Money(decimal value)
    {
        Value = value;
    }

    /// <summary>The amount.</summary>
    [DataMember]
    public decimal Value { get; set; }

    /// <summary>Round-trips data members this version does not know.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Equal when the other object is a Money with the same amount.</summary>
    public override bool Equals(object obj) => obj is Money other && other.Value == Value;

    /// <summary>Hashes the amount.</summary>
    public override int GetHashCode() => Value.GetHashCode();
}
