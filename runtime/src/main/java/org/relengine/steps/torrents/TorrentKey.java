package org.relengine.steps.torrents;

import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;

/** The torrent of a disc: {@code torrents:dvd:x86_64}. */
public record TorrentKey(String image, String arch) implements TaskKey {

    @Override
    public String id() {
        return "torrents:" + image + ":" + arch;
    }

    @Override
    public TaskKind kind() {
        return TorrentsStep.KIND;
    }
}
