package org.relengine.plan;

/** The kinds of task a plan holds, in pipeline order; the stage groups them for display. */
public enum TaskKind {
    PREPARE("prepare", "compose"),
    EXTRA_FILES("extrafiles", "compose"),
    SYNC("sync", "compose"),
    REPOCLOSURE("repoclosure", "compose"),
    LORAX("lorax", "images"),
    UNPACK("unpack", "images"),
    TREEINFO("treeinfo", "compose"),
    EXTRAS("extras", "images"),
    CLOUD("cloud", "images"),
    LIVE("live", "images"),
    FINALIZE("finalize", "compose"),
    STAGE("stage", "publish"),
    CREATEREPO("createrepo", "publish"),
    SIGN("sign", "publish"),
    PROMOTE("promote", "publish"),
    FILELISTS("filelists", "publish"),
    TORRENTS("torrents", "publish");

    private final String word;
    private final String stage;

    TaskKind(String word, String stage) {
        this.word = word;
        this.stage = stage;
    }

    public String word() {
        return word;
    }

    public String stage() {
        return stage;
    }

    /** A publish task changes trees outside the compose, never the compose itself. */
    public boolean publishes() {
        return stage.equals("publish");
    }
}
