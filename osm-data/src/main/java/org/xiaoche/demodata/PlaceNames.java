package org.xiaoche.demodata;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Fictional but plausible Jiaodong place names (王家庄, 李家沟, 后石村, 东夼村 …). Names are built from
 * common parts, so some may coincide with real places elsewhere; the county itself is fictional.
 * Each name is handed out once.
 */
final class PlaceNames {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "孙", "于", "林", "曲", "姜", "宋",
            "杨", "赵", "徐", "高", "陈", "郝", "吕", "邹", "隋", "衣", "丛", "车", "邢", "柳", "唐", "慕", "臧", "栾", "鞠", "初"};
    private static final String[] FAMILY_SUFFIXES = {"家庄", "家沟", "家疃", "家夼", "家洼", "家埠", "家寨", "家泊", "家岭", "家店"};
    private static final String[] DIRECTIONS = {"东", "西", "南", "北", "前", "后", "上", "下", "大", "小"};
    private static final String[] FEATURES = {"石", "夼", "河", "山", "泉", "庄", "店", "涧", "沟", "岭", "崖", "台"};
    private static final String[] TOWNSHIP_FIRST = {"石", "松", "龙", "桃", "杏", "白", "观", "金", "官", "寺",
            "庙", "亭", "柳", "榆", "槐", "青", "翠", "凤", "鹤", "泉"};
    private static final String[] TOWNSHIP_SECOND = {"门", "山", "泉", "源", "口", "岭", "河", "峪", "庄", "店"};
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private final SplittableRandom random;
    private final Set<String> used = new HashSet<>();

    PlaceNames(SplittableRandom random) {
        this.random = random;
    }

    String nextVillage() {
        for (int attempt = 0; attempt < 200; attempt++) {
            String name = random.nextInt(3) < 2
                    ? pick(SURNAMES) + pick(FAMILY_SUFFIXES)
                    : pick(DIRECTIONS) + pick(FEATURES) + "村";
            if (used.add(name)) {
                return name;
            }
        }
        return numbered(pick(SURNAMES) + pick(FAMILY_SUFFIXES));
    }

    String nextTownship() {
        for (int attempt = 0; attempt < 200; attempt++) {
            String name = pick(TOWNSHIP_FIRST) + pick(TOWNSHIP_SECOND) + "镇";
            if (used.add(name)) {
                return name;
            }
        }
        return numbered(pick(TOWNSHIP_FIRST) + pick(TOWNSHIP_SECOND) + "镇");
    }

    /** Large counties run out of combinations; real ones then use 一村, 二村 … */
    private String numbered(String base) {
        for (int i = 0; ; i++) {
            String name = base + (i < NUMERALS.length ? NUMERALS[i] : String.valueOf(i + 1)) + "村";
            if (used.add(name)) {
                return name;
            }
        }
    }

    private String pick(String[] parts) {
        return parts[random.nextInt(parts.length)];
    }
}
