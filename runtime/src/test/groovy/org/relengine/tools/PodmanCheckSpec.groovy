package org.relengine.tools

import spock.lang.Specification

/** Why podman cannot start a container, in podman's last words and what usually mends it. */
class PodmanCheckSpec extends Specification {

    def "#cause: the reason is podman's last error line and a hint"() {
        expect:
        PodmanCheck.explain(output) == reason

        where:
        cause << ['limits above the host\'s', 'hybrid cgroups', 'a nested container', 'anything else']
        output << [
                'Error: runc: runc create failed: unable to start container process: error during container init: ' +
                        'error setting rlimits for ready process: error setting rlimit type 7: operation not permitted: ' +
                        'OCI permission denied\n',
                'time="x" level=warning msg="…"\nError: crun: cannot set cgroup: No such file or directory\n',
                'Error: mount /var/lib/containers/storage/overlay: operation not permitted\n',
                'Error: something new\n']
        reason << [
                'Error: runc: runc create failed: unable to start container process: error during container init: ' +
                        'error setting rlimits for ready process: error setting rlimit type 7: operation not permitted: ' +
                        'OCI permission denied (the default ulimits are above this machine\'s: set default_ulimits = ' +
                        '["nofile=1024:20000", "nproc=4096:4096"] under [containers] in ' +
                        '/etc/containers/containers.conf.d/50-relengine.conf)',
                'Error: crun: cannot set cgroup: No such file or directory (set runtime = "runc" and cgroup_manager = ' +
                        '"cgroupfs" under [engine] in /etc/containers/containers.conf.d/50-relengine.conf)',
                'Error: mount /var/lib/containers/storage/overlay: operation not permitted (this machine does not let ' +
                        'podman make a container (inside another container, or without the privileges podman needs))',
                'Error: something new (see `podman info` and `podman run --rm --network=none --rootfs /:O /bin/true`)']
    }
}
