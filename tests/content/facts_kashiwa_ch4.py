"""Facts from Kashiwa City 5th Comprehensive Plan, chapter 4 (計画の推進にあたって), seed 000_ae015188b196bdb1."""

from tests.content.facts import Fact

PLAN_DIR = "plan"

DOC = "comprehensive-plan-ch4/"
POLICY = "comprehensive-plan-ch4/cp-policy-promotion/"
ZONES = "comprehensive-plan-ch4/cp-zones/"

FACTS = [
    # Document page
    Fact(page=DOC, ja="計画の推進にあたって", en=["Promoting the Plan"]),
    # 1 政策推進の考え方: lead text
    Fact(page=POLICY, ja="政策推進の考え方", en=["Our approach to carrying out policies"]),
    Fact(page=POLICY, ja="市民や柏に関わる人の意識や行動の変容（＝アウトカム）に着目して", en=["outcomes"]),
    # Pillars (1)–(3)
    Fact(page=POLICY, ja="新たなエンジン・仕掛けとしての広報・DX・共創",
         en=["Public relations, DX and co-creation as new engines for change"]),
    Fact(page=POLICY, ja="未来を創る組織・人材", en=["An organization and staff that create the future"]),
    Fact(page=POLICY, ja="次世代につなぐ財政・公共資産",
         en=["Finances and public assets to pass on to the next generation"]),
    # Sub-areas: goals and points
    Fact(page=POLICY, ja="適切な情報発信により、本市への関心を高めるとともに柏に対する愛着の醸成を目指します。",
         en=["attachment to the city"]),
    Fact(page=POLICY, ja="「住みよい街・柏」", en=["a good city to live in"]),
    Fact(page=POLICY, ja="手続きのデジタル化を進めることで、業務効率や市民サービスの向上を目指します。",
         en=["DX (digital transformation)"]),
    Fact(page=POLICY, ja="行政が保有する公共データの利活用を推進する", en=["public data"]),
    Fact(page=POLICY, ja="多様な主体がアイデアを出し合うことで", en=["Co-creation"]),
    Fact(page=POLICY, ja="人員の適正配置と最適な組織編制を進めます", en=["Organization"]),
    Fact(page=POLICY, ja="時代の変容に対応できる職員の育成・確保", en=["Staff"]),
    Fact(page=POLICY, ja="ワークライフバランスを保ち", en=["work-life balance"]),
    Fact(page=POLICY, ja="持続可能な財政運営に向けた適切な歳出・財源確保を目指します。", en=["Finances"]),
    Fact(page=POLICY, ja="補助金・扶助費・法定外繰出金", en=["non-statutory transfers to special accounts"]),
    Fact(page=POLICY, ja="計画的・予防的な保全", en=["planned and preventive maintenance"]),
    Fact(page=POLICY, ja="未利用になった市有財産（土地・建物）について、庁内活用や民間への売却、貸付により有効活用を図ります",
         en=["Public assets", "(land and buildings)"]),
    # 2 地域区分
    Fact(page=ZONES, ja="地域区分", en=["Area zones"]),
    Fact(page=ZONES, ja="北部ゾーン", en=["Northern Zone"]),
    Fact(page=ZONES, ja="中央ゾーン", en=["Central Zone"]),
    Fact(page=ZONES, ja="南部ゾーン", en=["Southern Zone"]),
    Fact(page=ZONES, ja="東部ゾーン", en=["Eastern Zone"]),
    Fact(page=ZONES, ja="4地域に分けます", en=["four zones"]),
    Fact(page=ZONES, ja="各地域の特性を生かしたまちづくりを目指します", en=["community development"]),
]
