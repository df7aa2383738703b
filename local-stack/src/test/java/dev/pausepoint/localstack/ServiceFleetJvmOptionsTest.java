package dev.pausepoint.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceFleetJvmOptionsTest {

    @Test
    void theGatewayGetsItsYoungGenerationAfterTheSharedOptions() {
        assertThat(ServiceFleet.jvmOptionsOf(Service.GATEWAY, ServiceFleet.DEFAULT_JVM_OPTIONS))
                .startsWith(ServiceFleet.DEFAULT_JVM_OPTIONS.toArray(String[]::new))
                .endsWith("-Xms96m", "-Xmn64m");
    }

    @Test
    void theOtherServicesKeepTheSharedOptions() {
        for (Service service : List.of(Service.PAUSE, Service.DELIVERY, Service.RESPONSE, Service.BILLING)) {
            assertThat(ServiceFleet.jvmOptionsOf(service, ServiceFleet.DEFAULT_JVM_OPTIONS))
                    .isEqualTo(ServiceFleet.DEFAULT_JVM_OPTIONS);
        }
    }

    @Test
    void optionsThatSizeTheYoungGenerationThemselvesAreLeftAsGiven() {
        for (String young : List.of("-Xmn32m", "-XX:NewSize=16m", "-XX:MaxNewSize=48m")) {
            List<String> configured = List.of("-XX:+UseSerialGC", "-Xmx256m", young);
            assertThat(ServiceFleet.jvmOptionsOf(Service.GATEWAY, configured)).isEqualTo(configured);
        }
    }

    @Test
    void theTieredOptionsAreTheDefaultsWithFullCompilationAndTheJvmsOwnCodeCache() {
        assertThat(ServiceFleet.DEFAULT_JVM_OPTIONS).contains("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m");
        assertThat(ServiceFleet.TIERED_JVM_OPTIONS).containsExactly("-XX:+UseSerialGC", "-Xms32m", "-Xmx192m", "-Xss512k",
                "-XX:MaxMetaspaceSize=192m", "-XX:+ExitOnOutOfMemoryError", "-Xshare:auto");
    }
}
