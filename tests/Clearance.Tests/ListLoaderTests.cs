using Clearance.Lists;
using Clearance.Screening;

namespace Clearance.Tests;

public sealed class ListLoaderTests
{
    const string CslHeader = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids";

    [Fact]
    public void Reads_a_CSL_CSV_with_aliases_addresses_programs_and_license_fields()
    {
        using var temp = new TempFolder();
        var path = temp.Write("consolidated.csv", CslHeader + "\n"
            + "abc1,Entity List (EL) - Bureau of Industry and Security,,,EAR 744.11,\"Huawei Technologies Co., Ltd.\",,\"Bantian, Longgang District, Shenzhen, CN; 1 Queens Road, Hong Kong, HK\",84 FR 22961,2019-05-16,,,For all items subject to the EAR.,Presumption of denial.,,,,,,,,,\"Huawei; and Huawei Device Co.\",,,,,,\n"
            + "21944,Specially Designated Nationals (SDN) - Treasury Department,21944,Individual,SYRIA,\"'ABBAS, Rim\",,SY,,,,,,,,,,,,,,,,,,SY,,,\n");
        var list = ListLoader.Load(path, Shipped.Data.Countries);
        Assert.Equal(ListFormat.CslCsv, list.Format);
        Assert.Empty(list.Problems);
        var huawei = list.Entries[0];
        Assert.Equal(["Huawei", "Huawei Device Co."], huawei.Aliases);
        Assert.Equal(["CN", "HK"], huawei.Countries);
        Assert.Equal("84 FR 22961", huawei.FederalRegisterNotice);
        Assert.Equal("For all items subject to the EAR.", huawei.LicenseRequirement);
        Assert.Equal("Presumption of denial.", huawei.LicensePolicy);
        Assert.Equal(["EAR 744.11"], huawei.Programs);
        Assert.StartsWith("consolidated.csv sha256:", huawei.ListVersion[(huawei.ListVersion.IndexOf('/') + 1)..], StringComparison.Ordinal);
        Assert.Equal(PartyType.Individual, list.Entries[1].Type);
    }

    [Fact]
    public void Reports_malformed_rows_with_their_line_and_keeps_the_rest()
    {
        using var temp = new TempFolder();
        var path = temp.Write("consolidated.csv", CslHeader + "\n"
            + "a1,Entity List (EL) - Bureau of Industry and Security,,,,,,,,,,,,,,,,,,,,,,,,,,,\n"
            + "a2,Entity List (EL) - Bureau of Industry and Security,,,,Good Name,,,,,,,,,,,,,,,,,,,,,,,\n"
            + "a3,Entity List (EL) - Bureau of Industry and Security,,,,Bad\"Quote,,,,,,,,,,,,,,,,,,,,,,,\n"
            + "a4,Entity List (EL) - Bureau of Industry and Security,,,,Another Good Name,,,,,,,,,,,,,,,,,,,,,,,\n");
        var list = ListLoader.Load(path, Shipped.Data.Countries);
        Assert.Equal(["Good Name", "Another Good Name"], list.Entries.Select(e => e.Name));
        Assert.Equal(2, list.Problems.Count);
        Assert.Equal([2L, 4L], list.Problems.Select(p => p.Line));
        Assert.Contains("'name' is empty", list.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_an_unterminated_quote_instead_of_swallowing_the_rows_after_it()
    {
        using var temp = new TempFolder();
        var rows = string.Concat(Enumerable.Range(3, 8).Select(i => $"x{i},custom list,,,,Name {i},,,,,,,,,,,,,,,,,,,,,,,\n"));
        var path = temp.Write("consolidated.csv", CslHeader + "\nx2,custom list,,,,\"Open quote,,,,,,,,,,,,,,,,,,,,,,,\n" + rows);
        var list = ListLoader.Load(path, Shipped.Data.Countries);
        var problem = Assert.Single(list.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("unbalanced quote", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_CSL_JSON_form()
    {
        using var temp = new TempFolder();
        var path = temp.Write("consolidated.json", """
            {"results": [
              {"id": "e1", "source": "Entity List (EL) - Bureau of Industry and Security", "name": "Sugon",
               "alt_names": ["Dawning Information Industry Co., Ltd."], "programs": ["EAR"],
               "addresses": [{"address": "Haidian", "city": "Beijing", "country": "CN"}],
               "federal_register_notice": "84 FR 29371", "license_requirement": "For all items subject to the EAR.",
               "license_policy": "Presumption of denial.", "type": null},
              {"id": "e2", "source": "Entity List (EL) - Bureau of Industry and Security", "name": ""}
            ]}
            """);
        var list = ListLoader.Load(path, Shipped.Data.Countries);
        Assert.Equal(ListFormat.CslJson, list.Format);
        var entry = Assert.Single(list.Entries);
        Assert.Equal(["Dawning Information Industry Co., Ltd."], entry.Aliases);
        Assert.Equal(["CN"], entry.Countries);
        Assert.Equal("Presumption of denial.", entry.LicensePolicy);
        Assert.Equal(2, Assert.Single(list.Problems).Line);
    }

    [Fact]
    public void Reads_an_OFAC_legacy_folder_joining_aliases_and_addresses_on_the_entity_number()
    {
        using var temp = new TempFolder();
        temp.Write("ofac/sdn.csv", "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'BNC'.\"\n"
            + "7160,\"PUTIN, Vladimir\",\"individual\",\"RUSSIA-EO14024\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
            + "x,\"BROKEN\",-0-\n\u001A\n");
        temp.Write("ofac/alt.csv", "306,220,\"aka\",\"NATIONAL BANK OF CUBA\",-0- \n");
        temp.Write("ofac/add.csv", "306,199,\"Zweierstrasse 35\",\"Zurich CH-8022\",\"Switzerland\",-0- \n");
        var list = ListLoader.Load(Path.Combine(temp.Path, "ofac"), Shipped.Data.Countries);
        Assert.Equal(ListFormat.OfacLegacy, list.Format);
        Assert.Equal(2, list.Entries.Count);
        Assert.Equal(["NATIONAL BANK OF CUBA"], list.Entries[0].Aliases);
        Assert.Equal(["CH"], list.Entries[0].Countries);
        Assert.Equal(PartyType.Individual, list.Entries[1].Type);
        Assert.Equal(3, Assert.Single(list.Problems).Line);
    }

    [Fact]
    public void Reads_the_BIS_Denied_Persons_List()
    {
        using var temp = new TempFolder();
        var path = temp.Write("dpl.txt", "\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t\"Country\"\t\"Postal_Code\"\t\"Effective_Date\"\t\"Expiration_Date\"\t\"Standard_Order\"\t\"Last_Update\"\t\"Action\"\t\"FR_Citation\"\n"
            + "\"AARON ABRAHAM VILLA\"\t\"3415 RIVERA AVENUE\"\t\"EL PASO\"\t\"TX\"\t\"US\"\t\"79905\"\t\"08/24/2022\"\t\"01/14/2026\"\t\"Y\"\t\"2022-08-29\"\t\"F.R. NOTICE ADDED\"\t\"87 F.R. 52741 8/29/2022\"\n"
            + "\"\"\t\"\"\t\"\"\t\"\"\t\"\"\t\"\"\t\"\"\t\"\"\t\"\"\t\"\"\t\"\"\t\"\"\n");
        var list = ListLoader.Load(path, Shipped.Data.Countries);
        Assert.Equal(ListFormat.BisDpl, list.Format);
        var entry = Assert.Single(list.Entries);
        Assert.Equal(["US"], entry.Countries);
        Assert.Equal("87 F.R. 52741 8/29/2022", entry.FederalRegisterNotice);
        Assert.Equal(3, Assert.Single(list.Problems).Line);
    }

    [Fact]
    public void Reads_a_custom_list_and_reports_duplicate_ids()
    {
        using var temp = new TempFolder();
        var path = temp.Write("own.csv", "id,name,aliases,country,list\nC1,Example Trading,Example Trd; ExTr,CN,watch\nC1,Other,,,watch\n");
        var list = ListLoader.Load(path, Shipped.Data.Countries);
        var entry = Assert.Single(list.Entries);
        Assert.Equal(["Example Trd", "ExTr"], entry.Aliases);
        Assert.Equal("watch", entry.List);
        Assert.Equal(3, Assert.Single(list.Problems).Line);
    }

    [Theory]
    [InlineData("a,b,c\n1,2,3\n", "unknown list format")]
    [InlineData("_id,source,title\n1,x,y\n", "column 'name' is missing")]
    public void Refuses_a_file_of_no_known_format_naming_it(string content, string message)
    {
        using var temp = new TempFolder();
        var path = temp.Write("list.csv", content);
        var error = Assert.Throws<ListFormatException>(() => ListLoader.Load(path, Shipped.Data.Countries));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_file_that_is_not_UTF8_naming_the_line()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "own.csv");
        File.WriteAllBytes(path, [.. "id,name\n1,Good\n2,Caf"u8, 0xE9, .. "\n"u8]);
        var error = Assert.Throws<ListFormatException>(() => ListLoader.Load(path, Shipped.Data.Countries));
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }
}
