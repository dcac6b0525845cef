"""Facts from the Narashino City seed: 自立的都市経営の推進 (第二次経営改革大綱 and the three key projects)."""

from tests.content.facts import Fact

PLAN_DIR = "examples/narashino"

_OUTLINE = "reform-outline/outline/"
_KP1 = "reform-outline/key-project-1/"
_KP2 = "reform-outline/key-project-2/"
_KP3 = "reform-outline/key-project-3/"

FACTS = [
    # Document page: plan period of the outline
    Fact("reform-outline/", "令和2年度", ["FY2020"]),
    Fact("reform-outline/", "令和7年度", ["FY2025"]),
    # The outline: purpose, background, period, approach, priority period, goals
    Fact(_OUTLINE, "バックキャスティング", ["backcasting"]),
    Fact(_OUTLINE, "令和24（2042）年", ["2042 (Reiwa 24)"]),
    Fact(_OUTLINE, "自治体戦略２０４０構想研究会", ["Study Group on Local Government Strategy 2040"]),
    Fact(_OUTLINE, "令和2（2020）～令和7（2025）年度（6年間）", ["FY2020 (Reiwa 2) to FY2025 (Reiwa 7), six years"]),
    Fact(_OUTLINE, "協働型社会の構築による自治体経営の推進", ["Running the city by building a collaborative society"]),
    Fact(_OUTLINE, "公共施設再生計画 第２期計画等の推進", ["Phase 2 of the Public Facility Renewal Plan"]),
    Fact(_OUTLINE, "ＲＰＡ（ロボスティック・プロセス・オートメーション）", ["RPA (robotic process automation)"]),
    Fact(_OUTLINE, "令和2（2020）～令和4（2022）年度", ["FY2020 (Reiwa 2) to FY2022 (Reiwa 4)"]),
    Fact(_OUTLINE, "効果的・効率的な行財政運営の推進", ["Effective and efficient administration and finances"]),
    Fact(_OUTLINE, "機能的で生産性の高いスマート自治体への転換", ["Becoming a functional and productive smart local government"]),
    Fact(_OUTLINE, "職員能力の向上と多様で柔軟な働き方の実現", ["Developing staff abilities and making diverse and flexible ways of working possible"]),
    Fact(_OUTLINE, "AI・ロボティクスの利活用", ["Using AI and robotics"]),
    Fact(_OUTLINE, "公有資産の有効活用による財源の確保", ["Raising funds by making good use of publicly owned assets"]),
    Fact(_OUTLINE, "開かれた行政運営の推進", ["Open government"]),
    # Key project 1: renewal of public facilities
    Fact(_KP1, "資産管理課", ["Asset Management Division"]),
    Fact(_KP1, "長寿命化の推進", ["Making facilities last longer"]),
    Fact(_KP1, "平成28年度", ["FY2016"]),
    Fact(_KP1, "令和20年度", ["FY2038"]),
    Fact(_KP1, "習志野市公共施設再生計画", ["Narashino City Public Facility Renewal Plan"]),
    Fact(_KP1, "32件", ["32 facilities"]),
    Fact(_KP1, "袖ケ浦西小学校の改修", ["Sodegaura-nishi Elementary School"]),
    Fact(_KP1, "谷津小学校の建替え", ["Yatsu Elementary School"]),
    Fact(_KP1, "東部体育館の改修", ["Eastern Gymnasium"]),
    Fact(_KP1, "大久保地区公共施設再生事業の推進", ["Okubo District Public Facility Renewal Project"]),
    Fact(_KP1, "ライフサイクルコストを低減します", ["life-cycle costs"]),
    # Key project 2: fiscal soundness
    Fact(_KP2, "財政課", ["Finance Division"]),
    Fact(_KP2, "平成8（1996）年", ["1996 (Heisei 8)"]),
    Fact(_KP2, "“2025年問題”", ["2025 problem"]),
    Fact(_KP2, "121項目", ["121 items"]),
    Fact(_KP2, "89項目", ["89 items"]),
    Fact(_KP2, "85項目", ["85 of the 89"]),
    Fact(_KP2, "53項目", ["53 of these"]),
    Fact(_KP2, "業務の可視化・RPAツールの導入", ["introducing RPA tools"]),
    # Key project 3: building a collaborative society
    Fact(_KP3, "協働政策課", ["Collaboration Policy Division"]),
    Fact(_KP3, "平成21年度", ["FY2009"]),
    Fact(_KP3, "市民協働インフォメーションルームの運営", ["Citizen Collaboration Information Room"]),
    Fact(_KP3, "ボランティア・市民活動センター（社会福祉協議会）との連携", ["Volunteer and Civic Activity Center"]),
]
