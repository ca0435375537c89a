namespace DualWrite.Corpus.Tests.Support;

/// <summary>The HTTP and value cases share one running system and run one after another (each checks the stream still flows).</summary>
[CollectionDefinition(Name)]
public sealed class CorpusSystemCollection : ICollectionFixture<CorpusSystem>
{
    public const string Name = "corpus system";
}
