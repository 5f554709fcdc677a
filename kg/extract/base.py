"""What every recogniser shares: the reading context, word lists and span helpers."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kg.divisions import Division
from kg.types import Mention

CJK = r"\u3400-\u9fff"
PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】「」『』—…·,.;:?!()[]<>\"' \t\n\u3000■●◆")

# Common Chinese surnames (the Hundred Family Surnames' most frequent, plus compound ones).
SURNAMES_1 = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫"
    "孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童"
    "凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连"
    "芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖"
    "巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权"
    "强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母"
    "裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智"
    "幸奉植衡富尧闭由赖綦竺杞资阎逄钭雒糜郦訾庹仉巢郗隗宦琚矫蒯郄傅萧洪贝荀濮庾宓钮")
SURNAMES_2 = {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
              "夏侯", "令狐", "端木", "独孤", "南宫", "西门", "百里", "呼延", "万俟", "轩辕", "钟离", "闻人"}

# The commonest parts of Tibetan names (two of them make a name: 扎西平措, 次仁多吉, 格桑卓玛), which
# carry no Han surname; from the usual transliterations of Tibet's, Qinghai's and western Sichuan's pages.
TIBETAN_PARTS = frozenset((
    "扎西", "次仁", "格桑", "多吉", "尼玛", "达瓦", "索朗", "旦增", "丹增", "洛桑", "平措", "彭措", "益西", "强巴", "拉巴", "普布",
    "边巴", "巴桑", "白玛", "卓玛", "央金", "德吉", "曲珍", "措姆", "拉姆", "次旦", "顿珠", "罗布", "仁青", "仁增", "桑珠", "贡布",
    "嘎玛", "泽仁", "泽旺", "才让", "东智", "卓嘎", "群培", "欧珠", "旺堆", "旺姆", "占堆", "多布", "加措", "嘉措", "尼珍", "央宗",
    "德庆", "赤列", "土登", "次珍", "琼达", "格列", "四郎", "降措", "斯朗", "曲扎", "仁措", "巴珠", "贡嘎", "尕藏", "才旦",
))


def tibetan_name(s: str) -> bool:
    """Two parts of Tibetan names: 扎西平措 is a name; 扎西 alone, or 扎西一行, is not read so.

    >>> tibetan_name("扎西平措"), tibetan_name("次仁多吉"), tibetan_name("扎西一行")
    (True, True, False)
    """
    return len(s) == 4 and s[:2] in TIBETAN_PARTS and s[2:] in TIBETAN_PARTS


# Words that may follow a person's name directly (verbs of reporting and taking part).
FOLLOW = ("出席", "主持", "参加", "讲话", "指出", "强调", "表示", "告诉", "介绍", "要求", "会见", "会谈",
          "调研", "考察", "陪同", "带队", "主讲", "致辞", "宣读", "参观", "察看", "看望", "慰问", "听取",
          "走访", "一行", "同志", "等", "在", "和", "与", "及", "说", "作", "代表", "率", "到", "赴", "来",
          "深入", "认为", "提出", "希望", "的", "是", "也", "还", "则", "先后", "分别", "一起", "共同",
          "对", "为", "向", "就", "同", "当选", "任", "兼", "主任", "列席", "报道", "摄", "通讯员", "记者",
          "获", "被", "将", "已", "曾", "现", "从", "因", "于", "并", "作出", "批示", "签署", "签约",
          "通报", "汇报", "部署", "宣布", "发表", "讲解", "解读", "回答", "领读", "现场", "实地", "一同", "随同",
          "带领", "率领", "参与", "观看", "检查", "督导", "督查", "推动", "出任", "兼任", "担任", "坦言", "透露",
          "称", "谈到", "提到", "会同", "赶赴", "前往", "莅临", "亲自", "专程", "详细", "认真", "首先", "最后",
          "带头", "同时", "均", "都", "又", "再", "即", "便", "所", "们", "应邀", "受邀", "代表团",
          "伉俪", "夫妇", "先生", "女士", "致贺词", "致欢迎辞", "致",
          "见证", "视察", "巡视", "指导", "发言", "总结", "点评", "颁发", "揭牌", "剪彩", "宣誓", "接见",
          "接待", "迎接", "座谈", "洽谈", "寄语", "勉励", "祝贺", "欢迎", "感谢", "询问", "叮嘱", "传达",
          "宣讲", "调度", "牵头", "分管", "带")
_FOLLOW_RE = re.compile("|".join(sorted(FOLLOW, key=len, reverse=True)))
NAME_STOP_CHARS = set("的了在是和与及或等我你他她它们这那之其该各某第年月日时分秒个位名家")


@dataclass
class Lexicon:
    """A user's lexicon: known names by type, their aliases, and names never to extract."""

    entries: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # name -> (type, aliases)
    suppressed: set[str] = field(default_factory=set)

    def names_of(self, type_: str) -> dict[str, str]:
        """surface form -> canonical name, for one type."""
        out: dict[str, str] = {}
        for name, (t, aliases) in self.entries.items():
            if t == type_:
                out[name] = name
                out.update({a: name for a in aliases})
        return out


@dataclass(frozen=True)
class Context:
    """What a recogniser knows besides the text: home place, publication date, the lexicon."""

    home: Division | None = None
    date: dt.date | None = None
    lexicon: Lexicon = field(default_factory=Lexicon)


def mention(start: int, end: int, text: str, type_: str, key: str = "", **attrs: object) -> Mention:
    """A Mention with sorted, hashable attributes."""
    return Mention(start, end, text[start:end], type_, key or text[start:end],
                   tuple(sorted((k, v) for k, v in attrs.items() if v is not None)))


def follow_length(text: str, pos: int) -> int:
    """Length of the FOLLOW word at `pos` (punctuation counts as 3: the strongest evidence)."""
    if pos >= len(text) or text[pos] in PUNCT or text[pos].isspace():
        return 3
    m = _FOLLOW_RE.match(text, pos)
    return len(m.group()) if m else 0


def follows_name(text: str, pos: int) -> bool:
    """Can a person's name end at `pos`? (punctuation, end of text, or a FOLLOW word)."""
    if pos >= len(text) or text[pos] in PUNCT or text[pos].isspace():
        return True
    return _FOLLOW_RE.match(text, pos) is not None


def surname_len(s: str) -> int:
    """1 or 2 for a name starting with a known surname, else 0.

    >>> surname_len("欧阳修"), surname_len("李长萍"), surname_len("市长")
    (2, 1, 0)
    """
    if s[:2] in SURNAMES_2:
        return 2
    return 1 if s[:1] in SURNAMES_1 else 0


def name_shaped(s: str) -> bool:
    """A plausible Chinese personal name: a surname and one or two given characters.

    >>> name_shaped("张百顺"), name_shaped("司马光"), name_shaped("市委"), name_shaped("张的")
    (True, True, False, False)
    """
    n = surname_len(s)
    return (n > 0 and 1 <= len(s) - n <= 2 and all("\u4e00" <= c <= "\u9fff" for c in s)
            and not any(c in NAME_STOP_CHARS for c in s[n:]))


_SECTOR_SHORT = set("银政企校地军警民医")     # 银(行) 政(府) 企(业) 校 地(方) 军 警 民 医


def sector_compound(s: str) -> bool:
    """银企, 政银企, 校地: sectors abbreviated and joined (银企关系, 政银企对接), not a name.

    >>> sector_compound("银企"), sector_compound("政银企"), sector_compound("银华")
    (True, True, False)
    """
    return bool(s) and set(s) <= _SECTOR_SHORT


def place_words(found: list[Mention]) -> set[str]:
    """The divisions a page writes, and their names without the level (江阴 of 江阴市); not the
    towns and villages, whose names a person may bear (孙殿镇)."""
    places = [m.text for m in found if m.type == "place" and m.attr("code")]
    return set(places) | {p[:-1] for p in places if len(p) >= 3 and p[-1] in "市县区"}


def place_shaped(name: str, written_places: set[str]) -> bool:
    """黄山路, 利港: a road or a port; 江阴以, 惠山 where the page writes 江阴 and 惠山 as places:
    a place read as a person.

    >>> place_shaped("黄山路", set()), place_shaped("江阴以", {"江阴"}), place_shaped("武安国", set())
    (True, True, False)
    """
    return name[-1] in "路街港桥" or name in written_places or name[:2] in written_places


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class SpanIndex:
    """Spans bucketed by start, so 'what overlaps [start, end)?' costs the span's length,
    not the number of spans (pages of 50 MB have hundreds of thousands).

    >>> idx = SpanIndex([(0, 3, "person"), (5, 9, "place")])
    >>> idx.overlapping(2, 6)
    [(0, 3, 'person'), (5, 9, 'place')]
    """

    def __init__(self, spans=()) -> None:
        self.by_start: dict[int, list[tuple]] = {}
        self.longest = 0
        for span in spans:
            self.add(span)

    def add(self, span: tuple) -> None:
        self.by_start.setdefault(span[0], []).append(span)
        self.longest = max(self.longest, span[1] - span[0])

    def overlapping(self, start: int, end: int) -> list[tuple]:
        out = []
        for s in range(start - self.longest, end):
            for span in self.by_start.get(s, ()):
                if span[0] < end and start < span[1]:
                    out.append(span)
        return out
