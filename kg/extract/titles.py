"""Titles as spans: posts and professions (市委书记, 总经理, 教授, 记者, 主任医师 ...) wherever
they stand, not only in front of a name, so `title` mentions cover what a reader calls a post.

The posts found in front of a name come from `kg.extract.people` with their organisation;
this module only adds the others, never over or across another mention, so the titles
`kg.relate.posts` reads (and the holds_position facts) stay as they were.
"""
from __future__ import annotations

import re

from kg.extract.base import Context, SpanIndex, mention
from kg.types import Mention

# The head of a post: what the word ends with.
HEADS = [
    "书记", "市长", "县长", "区长", "省长", "州长", "旗长", "盟长", "镇长", "乡长", "村长", "主任", "局长", "处长",
    "科长", "厅长", "部长", "院长", "校长", "所长", "站长", "社长", "台长", "馆长", "司长", "主席",
    "委员长", "秘书长", "总经理", "经理", "董事长", "董事", "总裁", "总监", "会长", "理事长", "行长",
    "司令员", "政委", "队长", "组长", "主编", "编辑", "记者", "通讯员", "教授", "讲师", "院士",
    "工程师", "研究员", "检察长", "检察官", "庭长", "法官", "律师", "医生", "医师", "护士长", "护士",
    "药师", "总统", "总理", "首相", "大使", "领事", "发言人", "巡视员", "调研员", "专员", "厂长",
    "店长", "创始人", "负责人", "监事", "主管", "教练", "主教练", "主持人", "导演", "编剧", "制片人",
    "设计师", "建筑师", "分析师", "会计师", "经济学家", "科学家", "民警", "交警", "辅警", "法医",
    "教师", "班主任", "老师", "首席执行官", "执行官", "CEO", "参事", "督学", "网格员", "第一书记",
]
# What may stand before a head: a rank, a field, a party or government layer.
PREFIXES = [
    "常务副", "副", "代", "总", "首席", "执行", "名誉", "常务", "高级", "资深", "特约", "实习", "主任",
    "副主任", "党委", "党组", "党工委", "市委", "县委", "区委", "省委", "州委", "旗委", "盟委", "镇党委", "乡党委",
    "村党支部", "党支部", "纪委", "监委", "政法委", "宣传部", "组织部", "统战部", "驻村", "主治",
    "执业", "客户", "销售", "营销", "项目", "技术", "财务", "行政", "人事", "办公室", "新闻",
]
# A head followed by these is part of another word: 委员会, 主席台, 记者会, 书记员, 院长室.
_NOT_AFTER = "会台员室处团站节证"
_WORDS = sorted(set(HEADS), key=lambda w: (-len(w), w))
_PREFIX = "(?:" + "|".join(map(re.escape, sorted(set(PREFIXES), key=lambda w: (-len(w), w)))) + ")"
_TITLE = re.compile(f"{_PREFIX}{{0,3}}(?:{'|'.join(map(re.escape, _WORDS))})(?![{_NOT_AFTER}])")


def find(text: str, ctx: Context, found: list[Mention]) -> list[Mention]:
    """Title mentions no other recogniser made, crossing or inside no other mention.

    >>> from kg.extract.base import mention
    >>> text = "这位主任医师说，记者会上总经理和市委书记都在。"
    >>> [m.text for m in find(text, Context(), [mention(15, 19, text, "title")])]
    ['主任医师', '总经理']
    """
    del ctx                 # the same posts in every paper
    taken = SpanIndex((m.start, m.end, m.type) for m in found)
    out = []
    for hit in _TITLE.finditer(text):
        start, end = hit.span()
        if any(t == "title" or not (start <= s and e <= end) for s, e, t in taken.overlapping(start, end)):
            continue        # another title, a name it is part of, or a crossing span: leave it
        out.append(mention(start, end, text, "title", hit.group()))
    return out
