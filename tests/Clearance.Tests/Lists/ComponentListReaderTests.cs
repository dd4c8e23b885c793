using Clearance.Lists;
using Clearance.Screening;

namespace Clearance.Tests.Lists;

/// <summary>The JSON layouts of the 2026-07 list snapshots: one agency list (<c>list_id</c>, <c>entities</c>) and the
/// OFAC SDN names (<c>entries</c>).</summary>
public sealed class ComponentListReaderTests
{
    const string EntityList = """
        { "list_id": "bis-entity-list", "entities": [
          { "name": "Shanghai Biren Intelligent Technology Co., Ltd.", "aliases": ["Biren", "Biren Technology"], "country": "China",
            "address": "Building 16, Shanghai, China.", "status": null, "effective_date": null,
            "federal_register": "88 FR 71992 10/19/2023.\n89 FR 25505, 4/11/24",
            "notes": "For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR) 4" },
          { "name": "Address 01", "aliases": [], "country": "China", "address": "Room 1, Beijing", "federal_register": "88 FR 1", "notes": "x" },
          { "name": 42, "aliases": [], "country": "China" },
          { "name": "Shanghai Biren Intelligent Technology Co., Ltd.", "aliases": "Biren", "country": "China" },
          { "name": "Sophgo Technologies Pte. Ltd.", "country": "Singapore", "federal_register": "90 FR 4622, 1/16/25",
            "notes": "For all items subject to the EAR (See §§ 734.9(e)(2) and 744.11 of the EAR) 4" }
        ] }
        """;

    [Fact]
    public void Reads_an_Entity_List_file_with_its_license_requirement_and_Federal_Register_citations_and_no_review_policy()
    {
        using var temp = new TempFolder();
        var list = ListLoader.Load(temp.Write("bis_entity_list.json", EntityList), Shipped.Data.Countries);

        Assert.Equal(ListFormat.PartyListJson, list.Format);
        Assert.Equal(["Shanghai Biren Intelligent Technology Co., Ltd.", "Sophgo Technologies Pte. Ltd."], list.Entries.Select(e => e.Name));
        var biren = list.Entries[0];
        Assert.Equal("Entity List (EL) - Bureau of Industry and Security", biren.List);
        Assert.Equal("For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR)", biren.LicenseRequirement);
        Assert.Equal("88 FR 71992 10/19/2023.; 89 FR 25505, 4/11/24", biren.FederalRegisterNotice);
        Assert.Equal("", biren.LicensePolicy);
        Assert.Equal(["Biren", "Biren Technology"], biren.Aliases);
        Assert.Equal(["CN"], biren.Countries);
        Assert.Equal(["SG"], list.Entries[1].Countries);
        Assert.StartsWith("bis-entity-list:", biren.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Skips_and_reports_stray_address_lines_and_bad_records_naming_their_JSON_path()
    {
        using var temp = new TempFolder();
        var list = ListLoader.Load(temp.Write("bis_entity_list.json", EntityList), Shipped.Data.Countries);

        Assert.Equal([2L, 3L, 4L], list.Problems.Select(p => p.Line));
        Assert.Contains("$.entities[1].name: 'Address 01' is a stray address sub-line", list.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("$.entities[2].name: is not a string", list.Problems[1].Message);
        Assert.Equal("$.entities[3].aliases: is not an array of strings", list.Problems[2].Message);
        Assert.EndsWith("bis_entity_list.json", list.Problems[0].File, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "list_id": "bis-entity-list", "entities": [ { "name": "A" } """, "bis_entity_list.json:1: not valid JSON at byte")]
    [InlineData("""{ "list_id": "dow-1260h", "entities": [] }""", "bis_entity_list.json: $.list_id: unknown list 'dow-1260h'")]
    [InlineData("""{ "list_id": 7, "entities": [] }""", "bis_entity_list.json: $.list_id: expected the list's id as a string")]
    [InlineData("""{ "list_id": "bis-meu", "entities": {} }""", "bis_entity_list.json: $.entities: expected an array of entries")]
    public void Refuses_a_malformed_agency_list_naming_the_file_and_the_JSON_path(string json, string message)
    {
        using var temp = new TempFolder();
        var path = temp.Write("bis_entity_list.json", json);

        var error = Assert.Throws<ListFormatException>(() => ListLoader.Load(path, Shipped.Data.Countries));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_OFAC_SDN_names_file_with_entity_numbers_programs_and_types_and_reports_bad_entries()
    {
        using var temp = new TempFolder();
        var list = ListLoader.Load(temp.Write("ofac_sdn.json", """
            { "downloaded_at": "2026-07-11T17:56:35Z", "entry_count": 3, "entries": [
              { "uid": "24904", "name": "'ABBAS, Yasir", "aliases": ["'ABBAS, Yasir 'Aziz"], "program": "SDGT] [IRGC", "type": "individual" },
              { "uid": "36000", "name": "EXAMPLE SHIPPING LLC", "aliases": [], "program": "IRAN", "type": "-0-" },
              { "uid": "x1", "name": "Bad", "aliases": [], "program": "", "type": "-0-" }
            ] }
            """), Shipped.Data.Countries);

        Assert.Equal(ListFormat.OfacSdnJson, list.Format);
        Assert.Equal(["24904", "36000"], list.Entries.Select(e => e.Id));
        Assert.Equal(["SDGT", "IRGC"], list.Entries[0].Programs);
        Assert.Equal((PartyType.Individual, PartyType.Entity), (list.Entries[0].Type, list.Entries[1].Type));
        Assert.All(list.Entries, e => Assert.Equal(OfacLegacyReader.SdnList, e.List));
        Assert.Equal("$.entries[2].uid: 'x1' is not an SDN entity number", Assert.Single(list.Problems).Message);
    }
}
