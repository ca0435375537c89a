using System.Linq;
using DualWrite.Emulators.FinOps.OData;
using DualWrite.Emulators.FinOps.Schema;
using DualWrite.Emulators.FinOps.Store;

namespace DualWrite.Emulators.FinOps.Tests.Store;

public sealed class FinOpsStoreTransactionTests
{
    private static readonly EntitySetSchema Currencies = FinOpsSchema.Standard.Get("Currencies");

    [Fact]
    public void A_disposed_uncommitted_transaction_undoes_inserts_updates_and_deletes()
    {
        using var store = new FinOpsStore(FinOpsSchema.Standard);
        store.Load(Currencies, new[] { Currency("USD", "US Dollar"), Currency("EUR", "Euro") });

        using (var transaction = store.BeginWrite())
        {
            Assert.True(transaction.TryInsert(Currencies, Currency("GBP", "Pound")));
            Assert.True(transaction.TryReplace(Currencies, Currency("USD", "Changed")));
            Assert.NotNull(transaction.Delete(Currencies, Currency("EUR", null)));
        }

        var names = store.Read(view => view.Rows(Currencies).Select(r => (string?)r[Currencies.GetField("Name").Index]).ToList());
        Assert.Equal(new[] { "US Dollar", "Euro" }, names);
    }

    [Fact]
    public void A_committed_transaction_returns_its_changes_in_order_and_keys_ignore_case()
    {
        using var store = new FinOpsStore(FinOpsSchema.Standard);
        store.Load(Currencies, new[] { Currency("USD", "US Dollar") });

        using var transaction = store.BeginWrite();
        Assert.False(transaction.TryInsert(Currencies, Currency("usd", "Duplicate")));
        Assert.True(transaction.TryInsert(Currencies, Currency("CAD", "Canadian Dollar")));
        Assert.NotNull(transaction.Delete(Currencies, Currency("usd", null)));
        var changes = transaction.Commit();

        Assert.Equal(new[] { "Create", "Delete" }, changes.Select(c => c.Operation.ToString()));
        Assert.Equal(1, store.Read(view => view.Count(Currencies)));
    }

    [Fact]
    public void Mass_deletes_compact_the_table_and_keep_the_order_of_the_rest()
    {
        using var store = new FinOpsStore(FinOpsSchema.Standard);
        store.Load(Currencies, Enumerable.Range(0, 3000).Select(i => Currency("C" + i, "N" + i)));

        using (var transaction = store.BeginWrite())
        {
            for (var i = 0; i < 2990; i++)
            {
                transaction.Delete(Currencies, Currency("C" + i, null));
            }

            transaction.Commit();
        }

        using (var transaction = store.BeginWrite())
        {
            Assert.True(transaction.TryInsert(Currencies, Currency("NEW", "New")));
            transaction.Commit();
        }

        var codes = store.Read(view => view.Rows(Currencies).Select(r => (string)r[0]!).ToList());
        Assert.Equal(Enumerable.Range(2990, 10).Select(i => "C" + i).Append("NEW"), codes);
        Assert.NotNull(store.Read(view => view.Find(Currencies, Currency("c2995", null))));
    }

    private static object?[] Currency(string code, string? name)
    {
        var row = FieldValues.NewRow(Currencies);
        row[Currencies.GetField("CurrencyCode").Index] = code;
        row[Currencies.GetField("Name").Index] = name;
        return row;
    }
}
