using System.Globalization;
using DualWrite.Emulators.Dataverse.Store;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>Builds a step's pre- and post-images from the record before and after the main operation.</summary>
internal static class ImageBuilder
{
    public static void Fill(PluginExecutionContext context, StepRegistration step, string table, StoredRecord? before, StoredRecord? after)
    {
        var pre = new EntityImageCollection();
        var post = new EntityImageCollection();
        foreach (var image in step.Images)
        {
            if (image.IsPre && before is not null)
            {
                pre[image.Alias] = Build(table, before, image);
            }

            if (image.IsPost && after is not null && context.Stage == (int)PipelineStage.PostOperation)
            {
                post[image.Alias] = Build(table, after, image);
            }
        }

        context.PreEntityImages = pre;
        context.PostEntityImages = post;
    }

    private static Entity Build(string table, StoredRecord record, StepImage image)
    {
        var entity = new Entity(table, record.Id) { RowVersion = record.Version.ToString(CultureInfo.InvariantCulture) };
        foreach (var pair in record.Values)
        {
            if (pair.Value is not null && image.Includes(pair.Key))
            {
                entity.Attributes[pair.Key] = ValueCopier.Copy(pair.Value);
            }
        }

        return entity;
    }
}
