package org.relengine.demo

import spock.lang.Specification

/**
 * The spec file of a repo's demo packages: N packages from one spec, so that one rpmbuild per arch builds
 * them all, each package with a file of its own.
 */
class RepoSpecFileSpec extends Specification {

    def "one package is the demo's spec as it has always been: the package and its debuginfo"() {
        expect:
        new RepoSpecFile('demo-baseos', 'BaseOS', 'el9', 1, '').text() == '''\
Name: demo-baseos
Version: 1.0
Release: 1.el9
Summary: relengine demo package of BaseOS (synthetic)
License: MIT
%description
A tiny package built by relengine demo for the BaseOS repository.
%package debuginfo
Summary: Debug information for demo-baseos
%description debuginfo
Debug information for demo-baseos (synthetic).
%install
mkdir -p %{buildroot}/usr/share/relengine-demo %{buildroot}/usr/lib/debug/relengine-demo
echo 'BaseOS %{_target_cpu}' > %{buildroot}/usr/share/relengine-demo/baseos.txt
echo debug > %{buildroot}/usr/lib/debug/relengine-demo/baseos.debug
%files
/usr/share/relengine-demo/baseos.txt
%files debuginfo
/usr/lib/debug/relengine-demo/baseos.debug
'''
    }

    def "three packages: the first, then two subpackages of their own names, each with its own file"() {
        given:
        def spec = new RepoSpecFile('demo-appstream', 'AppStream', 'el9', 3, 'Requires: demo-baseos\n')
        def text = spec.text()

        expect:
        spec.packageNames() == ['demo-appstream', 'demo-appstream-0001', 'demo-appstream-0002']
        text.readLines().findAll { it.startsWith('%package') } ==
                ['%package debuginfo', '%package -n demo-appstream-0001', '%package -n demo-appstream-0002']
        text.contains('%files -n demo-appstream-0001\n/usr/share/relengine-demo/appstream-0001.txt\n')
        text.contains('%files -n demo-appstream-0002\n/usr/share/relengine-demo/appstream-0002.txt\n')
        text.contains("for i in \$(seq -f '%%04.0f' 1 2); do echo \"AppStream \$i %{_target_cpu}\" > " +
                '%{buildroot}/usr/share/relengine-demo/appstream-$i.txt; done\n')

        and: 'only the first package needs what the repo needs'
        text.readLines().findAll { it.startsWith('Requires:') } == ['Requires: demo-baseos']
        text.indexOf('Requires: demo-baseos') < text.indexOf('%package')
    }

    def "the numbers are as wide as the largest: #packages packages end with #last"() {
        expect:
        new RepoSpecFile('demo-crb', 'CRB', 'el9', packages, '').packageNames().last() == last

        where:
        packages || last
        2        || 'demo-crb-0001'
        166      || 'demo-crb-0165'
        10000    || 'demo-crb-9999'
        10001    || 'demo-crb-10000'
        20000    || 'demo-crb-19999'
    }

    def "a spec of no packages is refused"() {
        when:
        new RepoSpecFile('demo-crb', 'CRB', 'el9', 0, '')

        then:
        def e = thrown(IllegalArgumentException)
        e.message == 'a spec builds at least one package, not 0'
    }
}
