"""Facts from seed 004: 第2期柏市地方創生総合戦略 (2nd Kashiwa City Regional Revitalization Strategy, 2021-03)."""

from tests.content.facts import Fact

PLAN_DIR = "plan"

_DOC = "strategy-2021/"
_CH1 = _DOC + "ch1-formulation/"
_CH2 = _DOC + "ch2-population-vision/"
_CH3 = _DOC + "ch3-strategy/"
_G1 = _DOC + "basic-goal-1/"
_G2 = _DOC + "basic-goal-2/"
_G3 = _DOC + "basic-goal-3/"
_CH4 = _DOC + "ch4-promotion/"

FACTS = [
    # Home: the future vision of the city
    Fact("", "未来へつづく先進住環境都市・柏", ["city of advanced living"]),
    # I. Formulation: law, national and prefectural periods, strategy period
    Fact(_CH1, "平成26年法律第136号", ["Act No. 136 of 2014"]),
    Fact(_CH1, "令和2年度～令和6年度", ["FY2020 (Reiwa 2) to FY2024 (Reiwa 6)"]),
    Fact(_CH1, "多様な人材の活躍を推進する", ["Promote the active participation of diverse people"]),
    Fact(_CH1, "東京2020オリンピック・パラリンピック開催効果の取り込み", ["Tokyo 2020 Olympic and Paralympic Games"]),
    Fact(_CH1, "令和3年度から令和7年度までの5年間", ["FY2021 (Reiwa 3) to FY2025 (Reiwa 7)"]),
    # II. Population vision
    Fact(_CH2, "413,954人", ["413,954"]),
    Fact(_CH2, "流山市（6.3%）", ["6.3%", "5.1%", "2.5%"]),
    Fact(_CH2, "3,662人", ["3,662"]),
    Fact(_CH2, "直近の平成30年は1.33", ["1.37", "1.33", "1.67"]),
    Fact(_CH2, "3,000人を超えて", ["3,000"]),
    Fact(_CH2, "2025年に433,481人", ["433,481"]),
    Fact(_CH2, "2050年には401,994人", ["401,994"]),
    Fact(_CH2, "43万人程度", ["430,000"]),
    Fact(_CH2, "2040年に1.8に上昇する", ["1.8", "2040"]),
    # III. Strategy: viewpoints and the KPI footnote
    Fact(_CH3, "1.5倍以上", ["1.5 times"]),
    Fact(_CH3, "Key Performance Indicator の略称", ["an indicator set to check progress"]),
    # Basic goal 1
    Fact(_G1, "45.3%", ["45.3%", "51.3%"]),
    Fact(_G1, "20代～40代の市内子育て世代", ["in their 20s to 40s"]),
    Fact(_G1, "33,832人", ["33,832", "34,000"]),
    Fact(_G1, "1,633,294", ["1,633,294", "2,200,000"]),
    Fact(_G1, "33.5%", ["33.5%", "39.3%"]),
    Fact(_G1, "こども福祉課", ["Child Welfare Division"]),
    Fact(_G1, "保育運営課", ["Nursery Operations Division"]),
    # Basic goal 2
    Fact(_G2, "82.13歳", ["82.13", "88.15"]),
    Fact(_G2, "84.81歳", ["80.89", "84.81"]),
    Fact(_G2, "平成30年", ["2018"]),
    Fact(_G2, "平均寿命の増加分を上回る健康寿命の増加", ["Healthy life expectancy rises by more than life expectancy"]),
    Fact(_G2, "566名", ["566"]),
    Fact(_G2, "3,500名", ["3,500"]),
    Fact(_G2, "地域包括支援課", ["Community-Based Integrated Care Division"]),
    # Basic goal 3
    Fact(_G3, "57.1%", ["57.1%", "64.1%"]),
    Fact(_G3, "5,411人", ["5,411", "8,300"]),
    Fact(_G3, "70,100人", ["70,100", "84,000"]),
    Fact(_G3, "186人", ["186", "286"]),
    Fact(_G3, "20,876人", ["20,876", "24,421"]),
    Fact(_G3, "169,074人", ["169,074", "250,000"]),
    Fact(_G3, "中心市街地整備課", ["City Center Development Division"]),
    # IV. Promotion
    Fact(_CH4, "柏市地方創生総合戦略評価委員会", ["Kashiwa City Regional Revitalization Strategy Evaluation Committee"]),
    Fact(_CH4, "中核市市長会", ["Association of Core City Mayors"]),
]
