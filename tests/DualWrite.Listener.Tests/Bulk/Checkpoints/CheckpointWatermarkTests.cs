using DualWrite.Listener.Bulk.Checkpoints;
using DualWrite.Listener.Bulk.Reading;

namespace DualWrite.Listener.Tests.Bulk.Checkpoints;

public sealed class CheckpointWatermarkTests
{
    private static RecordCursor At(string key) => new(["CustomerAccount"], [key]);

    [Fact]
    public void The_watermark_moves_only_over_pages_whose_batches_and_every_earlier_page_are_committed()
    {
        var watermark = new CheckpointWatermark(At("A000"));
        var first = watermark.AddPage(At("A100"), 2);
        var second = watermark.AddPage(At("A200"), 1);
        var third = watermark.AddPage(At("A300"), 0);

        // Batches commit out of order: the second page is done before the first.
        Assert.False(watermark.Settle(second));
        Assert.False(watermark.Settle(first));
        Assert.Equal(At("A000").ToJson(), watermark.Cursor?.ToJson());
        Assert.True(watermark.Settle(first));
        Assert.Equal(At("A300").ToJson(), watermark.Cursor?.ToJson());
        Assert.Equal(2, third);
    }

    [Fact]
    public void A_page_owing_a_held_back_row_keeps_the_watermark_before_it_until_that_row_is_settled()
    {
        var watermark = new CheckpointWatermark(null);
        var page = watermark.AddPage(At("B100"), 1);
        watermark.Owe(page, 1);
        watermark.AddPage(At("B200"), 0);

        Assert.False(watermark.Settle(page));
        Assert.Null(watermark.Cursor);
        Assert.True(watermark.Settle(page));
        Assert.Equal(At("B200").ToJson(), watermark.Cursor?.ToJson());
    }
}
