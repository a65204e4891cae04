package org.xiaoche.web.export;

/** File names of downloads: the adoption, its term and the edition, with nothing a file system refuses. */
final class ExportNames {

    private ExportNames() {
    }

    /** E.g. {@code 校车方案-3-2026—2027 学年第一学期-承运版}. */
    static String base(ExportRequest request) {
        String edition = request.operatorEdition() ? (request.language().equals("en") ? "-operator" : "-承运版") : "";
        String name = (request.language().equals("en") ? "school-bus-plan-" : "校车方案-") + request.adoption().id() + "-"
                + request.adoption().termName() + edition;
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }
}
