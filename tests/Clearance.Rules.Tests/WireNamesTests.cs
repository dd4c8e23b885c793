using Clearance.Rules.Licensing;

namespace Clearance.Rules.Tests;

/// <summary>The one enum naming gives exactly the strings of the contracts (DESIGN.md) and of stored rows.</summary>
public sealed class WireNamesTests
{
    [Fact]
    public void Every_enum_of_the_rules_on_the_wire_has_its_contract_names()
    {
        Assert.Equal(["cleared", "exception", "license-required", "hold"], WireNames.All<Verdict>());
        Assert.Equal(["buyer", "consignee", "end-user", "intermediate"], WireNames.All<PartyRole>());
        Assert.Equal(["clear", "hit", "not-screened"], WireNames.All<ScreeningDecision>());
        Assert.Equal(["enforced", "as-written"], WireNames.All<DiffusionReading>());
        Assert.Equal(["NAC", "ACA", "AIA"], WireNames.All<LicenseException>());
        Assert.Equal(["presumption-of-approval", "case-by-case", "presumption-of-denial"], WireNames.All<ReviewPolicy>());
    }

    [Fact]
    public void A_name_parses_back_to_its_value_and_nothing_else_parses()
    {
        Assert.Equal(Verdict.LicenseRequired, WireNames.Parse<Verdict>("license-required"));
        Assert.Equal(LicenseException.Nac, WireNames.Parse<LicenseException>("NAC"));
        Assert.Null(WireNames.Parse<Verdict>("LicenseRequired"));
        Assert.Null(WireNames.Parse<Verdict>("License-Required"));
        Assert.Null(WireNames.Parse<Verdict>("2"));
        Assert.Null(WireNames.Parse<Verdict>(null));
    }

    [Fact]
    public void A_stored_name_reads_in_either_form_where_old_rows_hold_the_member_name()
    {
        Assert.Equal(Verdict.LicenseRequired, WireNames.ParseStoredOrMemberName<Verdict>("license-required"));
        Assert.Equal(Verdict.LicenseRequired, WireNames.ParseStoredOrMemberName<Verdict>("LicenseRequired"));
        Assert.Equal(LicenseException.Nac, WireNames.ParseStoredOrMemberName<LicenseException>("Nac"));
        Assert.Throws<InvalidDataException>(() => WireNames.ParseStoredOrMemberName<Verdict>("licenserequired"));
        Assert.Throws<InvalidDataException>(() => WireNames.ParseStoredOrMemberName<Verdict>("2"));
        Assert.Throws<InvalidDataException>(() => WireNames.ParseStored<Verdict>("LicenseRequired"));
    }
}
