package org.relengine.recipes

import java.nio.file.Files
import java.nio.file.Path
import org.relengine.compile.Recipes
import org.relengine.model.Recipe
import org.relengine.model.SourceKind
import spock.lang.Specification

/**
 * recipes/sig/: Rocky 9's SIGs as the toolkit's sig/*.yaml ('9') describes them, each including one base. Every
 * value is the yaml's: profile, Peridot project, key, and each repo with the arches it exists on.
 */
class SigRecipesSpec extends Specification {

    static final List<String> ALL4 = ['x86_64', 'aarch64', 'ppc64le', 's390x']

    static Recipe load(String sig) {
        def result = Recipes.load(Path.of("../recipes/sig/${sig}.groovy"))
        assert result.diagnostics().all() == []
        result.recipe()
    }

    def "every SIG recipe validates with no diagnostic and is one of the toolkit's"() {
        expect:
        Files.list(Path.of('../recipes/sig')).withCloseable { files ->
            files.filter { it.fileName.toString().endsWith('.groovy') }.collect { it.fileName.toString() - '.groovy' }.sort()
        } == ['altarch', 'cloud', 'core', 'desktop', 'fasttrack', 'hpc', 'kernel', 'security', 'virt']
    }

    def "#sig: project #project, key #key, repos #repos"() {
        when:
        Recipe recipe = load(sig)

        then:
        recipe.sig().name() == sig
        recipe.files().collect { Path.of(it).fileName.toString() } == ["${sig}.groovy".toString(), 'sig9.groovy']
        recipe.source(SourceKind.PERIDOT).get().project() == project
        recipe.gpg().keys() == [key]
        recipe.extraFiles().files() == ["SOURCES/$key".toString()]
        recipe.repos().collectEntries { [(it.name()): it.arches()] } == repos

        where:
        sig         | project                                | key                                || repos
        'altarch'   | '6047887d-a395-4bc7-a0bd-fc1873b5d13d' | 'RPM-GPG-KEY-Rocky-SIG-AltArch'    || ['altarch-common': ['aarch64'], 'altarch-rockyrpi': ['aarch64'], 'altarch-devel': ['aarch64']]
        'cloud'     | '15016370-1410-4459-a1a2-a1576041fd19' | 'RPM-GPG-KEY-Rocky-SIG-Cloud'      || ['cloud-kernel': ['aarch64', 'x86_64'], 'cloud-common': ALL4]
        'core'      | '47e0b4a8-84ba-43a9-bb94-eb99dde4cf14' | 'RPM-GPG-KEY-Rocky-SIG-Core'       || ['core-common': ALL4, 'core-infra': ALL4]
        'desktop'   | 'b0460c25-22cf-496c-a3a3-067b9a2af14a' | 'RPM-GPG-KEY-Rocky-SIG-Desktop'    || ['desktop-common': ['x86_64', 'aarch64']]
        'fasttrack' | '1af1c9e8-96a9-4753-9a1a-4b66d65de649' | 'RPM-GPG-KEY-Rocky-SIG-FastTrack'  || ['fasttrack-new': ALL4, 'fasttrack-updates': ALL4]
        'hpc'       | 'aee28795-e163-4a99-935d-f0a78cf33e75' | 'RPM-GPG-KEY-Rocky-SIG-HPC'        || ['hpc-common': ALL4, 'hpc-core': ALL4]
        'kernel'    | '708f99fe-7e89-4241-959a-4ff259786b4a' | 'RPM-GPG-KEY-Rocky-SIG-Kernel'     || ['kernel-lts': ALL4, 'kernel-drivers': ALL4, 'kernel-mainline': ALL4]
        'security'  | '041a90b2-51f5-44a4-8be8-b2905c1ad95b' | 'RPM-GPG-KEY-Rocky-SIG-Security'   || ['security-common': ALL4]
        'virt'      | '925ceece-47ce-4f51-90f7-ff8689e4fe5e' | 'RPM-GPG-KEY-Rocky-SIG-Virt'       || ['virt-common': ['x86_64', 'aarch64', 'ppc64le']]
    }
}
