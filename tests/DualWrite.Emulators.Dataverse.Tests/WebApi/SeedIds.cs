using System;
using DualWrite.Emulators.Dataverse.Seed;

namespace DualWrite.Emulators.Dataverse.Tests.WebApi;

/// <summary>Ids the seed gives its reference records, for keys such as accounts(_msdyn_company_value=…,accountnumber='US-001').</summary>
internal static class SeedIds
{
    public static readonly Guid Usmf = DataverseSeedGenerator.ReferenceId("cdm_company", "usmf");
}
