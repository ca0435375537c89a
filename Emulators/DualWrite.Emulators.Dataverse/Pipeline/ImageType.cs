namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>Which side of the operation an entity image shows.</summary>
public enum ImageType
{
    PreImage = 0,
    PostImage = 1,
    /// <summary>Both a pre-image and a post-image under the same alias.</summary>
    Both = 2,
}
