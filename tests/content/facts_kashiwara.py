"""Facts from the seed: Kashiwara City (柏原市, Osaka), FY2020 operating policy of the Policy Promotion Department."""

from tests.content.facts import Fact

PLAN_DIR = "examples/kashiwara"

DOC = "policy-promotion-2020/"


def issue(n: int) -> str:
    return f"{DOC}priority-issue-{n}/"


FACTS = [
    # Home page
    Fact("", "柏原市", ["Kashiwara City"]),
    Fact("", "政策推進部", ["Policy Promotion Department"]),
    # Document page: officials, period, basic stance
    Fact(DOC, "市川 信行", ["市川 信行"]),
    Fact(DOC, "安田 善昭", ["安田 善昭"]),
    Fact(DOC, "小林 聡", ["小林 聡"]),
    Fact(DOC, "行財政健全化担当", ["In charge of sound administration and finance"]),
    Fact(DOC, "危機管理担当", ["In charge of crisis management"]),
    Fact(DOC, "令和2年度", ["FY2020"]),
    Fact(DOC, "柏原羽曳野藤井寺消防組合", ["Kashiwara-Habikino-Fujiidera Fire Association"]),
    Fact(DOC, "今後にもぎわいや活力ある市", ["lively and vibrant city"]),
    # Priority issue 1
    Fact(issue(1), "第5次柏原市総合計画の策定", ["Drawing up the 5th Kashiwara City Comprehensive Plan"]),
    Fact(issue(1), "健全な行財政と市民主体のまち", ["(5)", "A city with sound administration and finance where citizens take the lead"]),
    Fact(issue(1), "市政運営、行財政運営", ["(2)", "City governance; administrative and financial management"]),
    Fact(issue(1), "今後10年間", ["10 years"]),
    Fact(issue(1), "第5次柏原市総合計画策定事業", ["5th Kashiwara City Comprehensive Plan drafting project"]),
    Fact(issue(1), "企画調整課", ["Planning and Coordination Division"]),
    # Priority issue 2
    Fact(issue(2), "行政経営計画(指針)の策定", ["Administrative Management Plan"]),
    Fact(issue(2), "企画調整課事務費", ["Planning and Coordination Division office expenses"]),
    # Priority issue 3
    Fact(issue(3), "広報かしわら", ["Koho Kashiwara"]),
    Fact(issue(3), "注染・捺染手ぬぐい", ["chusen- and nassen-dyed tenugui"]),
    Fact(issue(3), "その他広報事業", ["Other public relations projects"]),
    Fact(issue(3), "秘書広報課", ["Secretarial and Public Relations Division"]),
    # Priority issue 4
    Fact(issue(4), "組織力向上に向けた業務コミュニケーションの促進", ["Better communication at work to strengthen the organization"]),
    Fact(issue(4), "人事課事務費", ["Personnel Division office expenses"]),
    # Priority issue 5
    Fact(issue(5), "健康で安心して暮らせるまち", ["(1)", "A city where people can live healthy and secure lives"]),
    Fact(issue(5), "防犯、防災", ["(3)", "Crime prevention and disaster prevention"]),
    Fact(issue(5), "防災行政無線", ["disaster prevention radio system"]),
    Fact(issue(5), "防災対策事業", ["Disaster prevention project"]),
    Fact(issue(5), "危機管理課", ["Crisis Management Division"]),
    # Priority issue 6
    Fact(issue(6), "国土強靱化地域計画の策定", ["Drawing up the Regional Plan for National Resilience"]),
    # Priority issue 7
    Fact(issue(7), "消防団の災害対応力の強化", ["Strengthening the disaster response capacity of the volunteer fire corps"]),
    Fact(issue(7), "女性分団", ["women's fire corps unit"]),
    Fact(issue(7), "消防団運営費・防災対策事業", ["Volunteer fire corps operating costs and disaster prevention project"]),
]
