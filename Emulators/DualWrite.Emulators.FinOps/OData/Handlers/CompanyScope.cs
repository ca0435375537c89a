using System;
using DualWrite.Emulators.FinOps.Schema;
using DualWrite.Emulators.FinOps.Store;

namespace DualWrite.Emulators.FinOps.OData.Handlers;

/// <summary>Which company's rows a caller sees, in queries and in access by key.</summary>
internal sealed class CompanyScope
{
    private readonly bool _keyAccessNeedsCrossCompany;

    public CompanyScope(bool keyAccessNeedsCrossCompany)
    {
        _keyAccessNeedsCrossCompany = keyAccessNeedsCrossCompany;
    }

    /// <summary>Without cross-company=true a caller sees only its default company's rows.</summary>
    public static bool InScope(ODataRequest request, EntitySetSchema set, object?[] row, bool crossCompany) =>
        crossCompany || set.Company is null || string.Equals(RowKeys.Company(set, row), request.DefaultCompany, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Access by key: F&amp;O finds a record of another company than the caller's only with cross-company=true
    /// (configurable, see <see cref="Hosting.FinOpsEmulatorOptions.KeyAccessNeedsCrossCompany"/>).
    /// </summary>
    public bool KeyInScope(ODataRequest request, EntitySetSchema set, object?[] row, bool crossCompany) =>
        !_keyAccessNeedsCrossCompany || InScope(request, set, row, crossCompany);
}
