namespace Clearance.Screening;

/// <summary>Given names that are the same name across languages or as a common short form (Bill = William).</summary>
/// <remarks>General onomastic equivalences, as screening tools keep them; not keyed on any listed party.</remarks>
static class GivenNames
{
    static readonly string[] Groups =
    [
        "john jon juan jean johan johann johannes ivan giovanni jan joao jack hans sean ioannis yahya",
        "william bill will willy wilhelm guillermo guillaume wim",
        "robert bob rob bobby roberto",
        "richard dick rick ricardo riccardo",
        "theodore ted teddy theodor teodor fyodor",
        "benjamin ben benny",
        "michael mike mikhail miguel michel michele mikael mykhailo",
        "alexander alex aleksandr alexandre alejandro alessandro aleksander oleksandr alexandros sasha",
        "james jim jimmy jaime jacques",
        "joseph joe jose giuseppe josef iosif yosef yusuf youssef yousef",
        "peter pete pedro pierre pyotr pietro petr petro",
        "paul pablo paolo pavel pavlo",
        "george georg jorge giorgio georgy georgi heorhiy",
        "thomas tom tomas tommaso",
        "mohammed muhammad mohamed mohammad muhammed mohamad mehmet mohd muhamad",
        "ahmed ahmad ahmet",
        "hussein husayn hussain husain husein",
        "hassan hasan",
        "osama usama usamah",
        "abdullah abdallah abdulla",
        "ibrahim abraham avraham",
        "ismail ismael",
        "suleiman sulayman suleyman solomon",
        "yaqub yakub jacob jakob",
        "sergey sergei sergej sergejs serge sergio serhiy",
        "dmitry dmitri dmitrii dmytro",
        "nikolai nikolay nicholas nicolas nikolaos mykola nick",
        "vladimir wladimir volodymyr",
        "andrei andrey andrew andreas andre andres andriy",
        "yevgeny evgeny eugene yevhen",
        "yuri yury yuriy iurii",
        "catherine katherine kate ekaterina yekaterina katarina",
        "elizabeth liz beth elisabeth",
        "edward ed eddie eduardo eduard",
        "charles chuck charlie carlos karl carl",
        "henry hank heinrich enrique henri",
        "francis frank francisco franz francois",
        "anthony tony antonio anton",
        "daniel dan danny",
        "david dave dawid",
        "samuel sam",
        "steven stephen steve stefan esteban stepan",
        "frederick fred friedrich fritz federico",
        "lawrence larry",
        "mary maria marie",
        "anna ann anne hanna",
        "elena helen helena olena yelena",
        "natalia natalya natasha",
    ];

    static readonly Dictionary<string, int> GroupOf = Build();

    static Dictionary<string, int> Build()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < Groups.Length; g++)
        {
            foreach (var name in Groups[g].Split(' '))
            {
                map.TryAdd(name, g);
            }
        }

        return map;
    }

    /// <summary>The group of a given name, or -1 when it is in none.</summary>
    public static int Group(string name) => GroupOf.TryGetValue(name, out var g) ? g : -1;

    /// <summary>How many given names are in a group.</summary>
    public static int Count => GroupOf.Count;
}
