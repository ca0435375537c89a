namespace DualWrite.MapValidation.Metadata;

/// <summary>Which service a metadata document describes; each publishes its own conventions.</summary>
public enum ServiceSide
{
    FinOps,
    Dataverse,
}
