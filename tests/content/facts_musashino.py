"""Facts from seed 001 (Musashino City long-term plan, chapter 6, field VI administration and finance)."""

from tests.content.facts import Fact

PLAN_DIR = "examples/musashino"

DOC = "long-term-plan-administration/"
BM1 = DOC + "basic-measure-1/"
BM2 = DOC + "basic-measure-2/"
BM3 = DOC + "basic-measure-3/"
BM4 = DOC + "basic-measure-4/"
BM5 = DOC + "basic-measure-5/"
BM6 = DOC + "basic-measure-6/"
MAIN = DOC + "main-projects/"

FACTS = [
    # Home and document page
    Fact("", "武蔵野市", ["Musashino City"]),
    Fact(DOC, "持続可能な市政運営", ["sustainable"]),
    Fact(DOC, "社会の変化に対応していく行財政運営", ["Administration and finance that respond to social change"]),
    # Basic measure 1
    Fact(BM1, "市政運営への市民参加と多様な主体間の柔軟な連携と協働の推進", ["Citizen participation in city administration"]),
    Fact(BM1, "市政運営への市民参加の拡大", ["Wider citizen participation in city administration"]),
    Fact(BM1, "市政運営等に関する将来像の共有化", ["A shared vision of how the city should be run"]),
    Fact(BM1, "武蔵野プレイス市民活動フロア", ["Musashino Place"]),
    # Basic measure 2
    Fact(BM2, "行政サービスの提供機会の拡大", ["More opportunities to receive administrative services"]),
    Fact(BM2, "公共サービスの連続性の向上", ["More continuity in public services"]),
    # Basic measure 3
    Fact(BM3, "積極的な情報発信と説明責任の向上", ["Active communication and greater accountability"]),
    Fact(BM3, "広報と広聴の連携の推進", ["Linking public relations and listening to residents"]),
    # Basic measure 4
    Fact(BM4, "公共施設の再配置と計画的整備の推進", ["Reorganizing public facilities and developing them to plan"]),
    Fact(BM4, "公的不動産（ＰＲＥ）", ["public real estate (PRE)"]),
    Fact(BM4, "無作為抽出市民ワークショップ", ["workshop of randomly selected citizens"]),
    # Basic measure 5 and the survey ranking table
    Fact(BM5, "業務継続マネジメント（ＢＣＭ）", ["business continuity management (BCM)"]),
    Fact(BM5, "財政援助出資団体に関する将来像の検討", ["Considering the future of city-funded organizations"]),
    Fact(BM5, "市政の中で重点的にすすめてほしい施策の順位", ["Ranking of the measures citizens most want the city to prioritize"]),
    Fact(BM5, "市政アンケート調査", ["City Government Survey"]),
    Fact(BM5, "参加と連携によるまちづくりの推進", ["Community building through participation and cooperation"]),
    Fact(BM5, "生涯学習・スポーツ・文化・市民活動の支援", ["Support for lifelong learning, sports, culture and civic activities"]),
    Fact(BM5, "障害者福祉の推進", ["Welfare for people with disabilities"]),
    Fact(BM5, "平成23年度", ["FY2011"]),
    Fact(BM5, "平成14年度", ["FY2002"]),
    # Basic measure 6
    Fact(BM6, "目的意識を持ち自らチャレンジする人材の育成", ["Developing staff who have a clear sense of purpose"]),
    Fact(BM6, "今後の自治体のあり方の検討と職員定数の適正化", ["optimizing staff numbers"]),
    # Main projects and budget table
    Fact(MAIN, "主な事業の実施予定及び事業費", ["Main projects, schedule and costs"]),
    Fact(MAIN, "百万円"),
    Fact(MAIN, "柔軟なネットワークを構築するための基盤整備", ["Groundwork for building flexible networks"]),
    Fact(MAIN, "財政援助出資団体の統廃合を含めたあり方の検討", ["Reviewing the future of city-funded organizations, including mergers and closures"]),
    Fact(MAIN, "次期職員定数適正化計画の策定", ["Drawing up the next Staff Number Optimization Plan"]),
    Fact(MAIN, "レベルアップ分", ["increase over the current level"]),
    Fact(MAIN, "平成24年度", ["FY2012"]),
    Fact(MAIN, "平成28年度", ["FY2016"]),
    # Glossary
    Fact("glossary/", "自治体クラウド", ["shared municipal cloud"]),
    Fact("glossary/", "指定管理者制度", ["designated manager system"]),
]
