using Governance.Organisation;
using Governance.People;

/// <summary>A small community for the sample: one grid, its worker, its leader and a part-time rider.</summary>
internal static class SampleCommunity
{
    public static OrganisationModel Build() => new OrganisationModelBuilder()
        .Add(new SubDistrict("LSW", "灵山卫街道"))
        .Add(new Community("JL", "九龙社区", "LSW", EscalationLadder.WithCooperative))
        .Add(new Grid("G1", "第一网格", "JL", GridKind.Basic))
        .Add(new MicroGrid("M1", "1号楼1单元", "G1"))
        .Add(new Building("B1", "1号楼", "JL"))
        .Add(new BuildingUnit("B1-U1", "B1", 1, "M1"))
        .Add(new Person("GW1", "网格员小张", [Role.GridWorker]))
        .Add(new Person("GL1", "网格长老王", [Role.GridLeader]))
        .Add(new Person("RIDER", "外卖骑手小李", [Role.PartTimeGridWorker]))
        .Add(new GridAssignment("GW1", "G1", Role.GridWorker))
        .Add(new GridAssignment("GL1", "G1", Role.GridLeader))
        .Add(new GridAssignment("RIDER", "G1", Role.PartTimeGridWorker))
        .Build();
}
