package dev.pausepoint.systemtests.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.localstack.Workspace;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/kubernetes checked without a cluster: each kustomization (the base and every overlay) is rendered
 * by {@link Kustomization}, every object is loaded with the fabric8 Kubernetes model (an unknown kind or
 * field fails), and the rules of docs/operations.md, "Kubernetes", are held: every file listed, every
 * variable a service reads set in its Deployment, probes on the management port, sizing, rollout,
 * autoscaler, disruption budget, Service, every in-cluster address naming a Service, and exactly the
 * documented network edges, in and (for the dashboard and the MCP server) out.
 */
class ManifestsTest {

    private static final Path ROOT = Workspace.locate().root();
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    /** Every deployable: the gateway, the four services of the API, the dashboard and the MCP server. */
    private static final List<String> SERVICES = List.of("gateway", "pause-service", "delivery-service",
            "response-service", "billing-service", "dashboard", "mcp-server");
    private static final Pattern IN_CLUSTER_URL = Pattern.compile("http://([a-z0-9-]+):(\\d+)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final int PRE_STOP_SECONDS = 10;
    private static final Duration DEFAULT_SHUTDOWN_PHASE = Duration.ofSeconds(20);

    /**
     * Variables a service reads that the manifests leave to the service's default on purpose. A variable
     * read and neither set nor listed here fails the test, so a new setting is a decision, not an accident.
     */
    static final Map<String, String> LEFT_TO_DEFAULTS = Map.ofEntries(
            Map.entry("DATABASE_URL", "built from POSTGRES_HOST, POSTGRES_PORT and the service's database; set it for TLS options"),
            Map.entry("SERVER_THREADS", "sized for the services' short transactions and the dashboard's pages"),
            Map.entry("SERVER_MAX_KEEP_ALIVE_REQUESTS", "no cap: the gateway's pool spreads requests over instances"),
            Map.entry("SERVER_MAX_CONNECTIONS", "bounds pause-service's idle connections to ~34 MB of heap"),
            Map.entry("BCRYPT_COST", "the documented work factor"),
            Map.entry("LOGIN_THROTTLE_MAX_FAILURES", "the documented throttle"),
            Map.entry("LOGIN_THROTTLE_WINDOW", "the documented throttle"),
            Map.entry("PADDLE_BASE_URL", "Paddle's production API; a sandbox overlay sets it"),
            Map.entry("PADDLE_ENTITLEMENT_SWEEP_INTERVAL", "the documented interval"),
            Map.entry("SENDGRID_FROM_NAME", "PausePoint"),
            Map.entry("SENDGRID_BASE_URL", "SendGrid's own host; tests only"),
            Map.entry("TWILIO_BASE_URL", "Twilio's own host; tests only"),
            Map.entry("DELIVERY_INSECURE_HOSTS", "local testing only; empty in production"),
            Map.entry("SMS_MAX_SEGMENTS", "the documented cost cap"),
            Map.entry("GATEWAY_IDLE_TIMEOUT", "the documented edge timeouts"),
            Map.entry("GATEWAY_REQUEST_HEAD_TIMEOUT", "the documented edge timeouts"),
            Map.entry("GATEWAY_REQUEST_BODY_TIMEOUT", "the documented edge timeouts"),
            Map.entry("GATEWAY_LINGERING_CLOSE", "the documented edge timeouts"),
            Map.entry("GATEWAY_MAX_BUFFERED_BODIES", "fits the gateway's heap at its memory limit"),
            Map.entry("GATEWAY_MAX_BUFFERED_BODIES_PER_ADDRESS", "the documented share"),
            Map.entry("LONG_POLL_MAX_PER_DEVELOPER", "the documented fairness cap"),
            Map.entry("LONG_POLL_MAX_PER_INSTANCE", "derived from the heap, which the memory limit sets"),
            Map.entry("KAFKA_SESSION_TIMEOUT_MS", "the documented session, docs/decisions/0007-kafka-consumer-recovery.md"),
            Map.entry("KAFKA_HEARTBEAT_INTERVAL_MS", "a third of the session"),
            Map.entry("DASHBOARD_API_TIMEOUT", "the documented bound on one API call of a page"),
            Map.entry("PAUSEPOINT_AGENT_NAME", "unset: each MCP client's own name is the better default (docs/mcp.md)"));

    /**
     * Set in a Deployment without a placeholder naming them: the JVM's options, Spring's own relaxed names, and
     * the MCP server's mode, which its main reads before any Spring context exists (docs/mcp.md).
     */
    private static boolean setWithoutPlaceholder(String variable) {
        return variable.equals("JAVA_TOOL_OPTIONS") || variable.equals("MANAGEMENT_PORT") || variable.startsWith("SPRING_")
                || variable.equals("MCP_TRANSPORT");
    }

    /** Who may open a connection to which port, as docs/operations.md, "Kubernetes", lists it. */
    private static final Set<String> DOCUMENTED_EDGES = new TreeSet<>(List.of(
            "anyone -> gateway:http",
            "namespace monitoring -> gateway:management",
            "gateway -> pause-service:http", "response-service -> pause-service:http",
            "namespace monitoring -> pause-service:management",
            "gateway -> billing-service:http", "pause-service -> billing-service:http",
            "namespace monitoring -> billing-service:management",
            "gateway -> delivery-service:http",
            "namespace monitoring -> delivery-service:management",
            "gateway -> response-service:http",
            "namespace monitoring -> response-service:management",
            "gateway -> dashboard:http",
            "namespace monitoring -> dashboard:management",
            "gateway -> mcp-server:http",
            "namespace monitoring -> mcp-server:management"));

    /**
     * Where a pod whose egress is restricted may open connections, as docs/operations.md, "Kubernetes", lists
     * it: only the dashboard's and the MCP server's are (the others reach Postgres, Kafka, Redis and providers
     * wherever they are).
     */
    private static final Set<String> DOCUMENTED_EGRESS = new TreeSet<>(List.of(
            "dashboard -> gateway:http/TCP",
            "dashboard -> namespace kube-system, pods k8s-app=kube-dns:53/UDP",
            "dashboard -> namespace kube-system, pods k8s-app=kube-dns:53/TCP",
            "mcp-server -> gateway:http/TCP",
            "mcp-server -> namespace kube-system, pods k8s-app=kube-dns:53/UDP",
            "mcp-server -> namespace kube-system, pods k8s-app=kube-dns:53/TCP"));

    private static final KubernetesSerialization KUBERNETES_MODEL = new KubernetesSerialization();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Path folder(String kustomization) {
        return kustomization.isEmpty() ? KUBERNETES : KUBERNETES.resolve(kustomization);
    }

    private static List<HasMetadata> load(String kustomization) {
        List<HasMetadata> loaded = new ArrayList<>();
        for (Map<String, Object> object : Kustomization.of(folder(kustomization)).render()) {
            Object model = KUBERNETES_MODEL.unmarshal(JSON.writeValueAsString(object));
            assertThat(model).as(Kustomization.id(object) + " is a kind the Kubernetes model knows")
                    .isInstanceOf(HasMetadata.class).isNotInstanceOf(GenericKubernetesResource.class);
            assertThat(unknownFields(model, "", new IdentityHashMap<>()))
                    .as("fields of " + Kustomization.id(object) + " the Kubernetes model does not know").isEmpty();
            loaded.add((HasMetadata) model);
        }
        return loaded;
    }

    /** The model keeps what it does not know in additionalProperties instead of failing; find any. */
    private static List<String> unknownFields(Object node, String path, Map<Object, Boolean> seen) {
        List<String> unknown = new ArrayList<>();
        if (node == null || seen.put(node, true) != null) {
            return unknown;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknown.addAll(unknownFields(item, path + "[" + i++ + "]", seen));
            }
            return unknown;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknown.addAll(unknownFields(value, path + "." + key, seen)));
            return unknown;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return unknown;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) value).keySet().forEach(key -> unknown.add(path + "." + key));
            } else {
                unknown.addAll(unknownFields(value, path + "." + getter.getName().substring(3), seen));
            }
        }
        return unknown;
    }

    private static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> kind, String name) {
        return all(objects, kind).stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }

    @ParameterizedTest(name = "deploy/kubernetes/{0}")
    @ValueSource(strings = {"", "overlays/example", "overlays/dev"})
    void everyObjectLoadsWithTheKubernetesModel(String kustomization) {
        List<HasMetadata> objects = load(kustomization);
        for (String service : SERVICES) {
            named(objects, Deployment.class, service);
        }
    }

    @Test
    void everyKustomizationListsEveryFileInItsFolderAndNothingElse() throws IOException {
        List<Path> folders;
        try (Stream<Path> walk = Files.walk(KUBERNETES)) {
            folders = walk.filter(Files::isDirectory).toList();
        }
        for (Path folder : folders) {
            Set<Path> yaml;
            try (Stream<Path> files = Files.list(folder)) {
                yaml = new TreeSet<>(files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                        .filter(file -> !file.getFileName().toString().equals(Kustomization.FILE)).toList());
            }
            if (!Files.exists(folder.resolve(Kustomization.FILE))) {
                assertThat(yaml).as(folder + " holds manifests but no kustomization").isEmpty();
                continue;
            }
            List<Path> references = Kustomization.of(folder).references();
            references.forEach(reference -> assertThat(Files.isRegularFile(reference)
                    || Files.isRegularFile(reference.resolve(Kustomization.FILE)))
                    .as(folder + " lists " + reference + ", which is neither a file nor a kustomization").isTrue());
            Set<Path> listedHere = new TreeSet<>(references.stream().filter(Files::isRegularFile)
                    .filter(file -> file.getParent().equals(folder)).toList());
            assertThat(listedHere).as("the files " + folder + "/" + Kustomization.FILE + " lists").isEqualTo(yaml);
        }
    }

    @ParameterizedTest(name = "deploy/kubernetes/{0}")
    @ValueSource(strings = {"", "overlays/example", "overlays/dev"})
    void everyVariableAServiceReadsIsSetInItsDeployment(String kustomization) throws IOException {
        List<HasMetadata> objects = load(kustomization);
        Map<String, String> config = named(objects, io.fabric8.kubernetes.api.model.ConfigMap.class, "pausepoint-config").getData();
        Map<String, Set<String>> missing = new TreeMap<>();
        Map<String, Set<String>> unread = new TreeMap<>();
        for (String service : SERVICES) {
            Set<String> reads = variablesRead(service);
            Container container = container(named(objects, Deployment.class, service));
            Set<String> set = new TreeSet<>();
            for (EnvVar variable : container.getEnv()) {
                set.add(variable.getName());
                if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                    var reference = variable.getValueFrom().getConfigMapKeyRef();
                    assertThat(reference.getName()).isEqualTo("pausepoint-config");
                    assertThat(config).as(service + " takes " + variable.getName() + " from the ConfigMap")
                            .containsKey(reference.getKey());
                }
                if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                    assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("pausepoint-secrets");
                }
            }
            Set<String> notSet = new TreeSet<>(reads);
            notSet.removeAll(set);
            notSet.removeAll(LEFT_TO_DEFAULTS.keySet());
            if (!notSet.isEmpty()) {
                missing.put(service, notSet);
            }
            Set<String> notRead = new TreeSet<>(set);
            notRead.removeAll(reads);
            notRead.removeIf(ManifestsTest::setWithoutPlaceholder);
            if (!notRead.isEmpty()) {
                unread.put(service, notRead);
            }
        }
        assertThat(missing).as("variables read but neither set in the Deployment nor left to defaults on purpose").isEmpty();
        assertThat(unread).as("variables set that the service never reads (a typo, or a setting removed)").isEmpty();
    }

    /** What a service reads: ${VAR} placeholders in its application.yml and the kit's defaults it gets. */
    static Set<String> variablesRead(String service) throws IOException {
        List<Path> sources = new ArrayList<>(List.of(ROOT.resolve(service + "/src/main/resources/application.yml")));
        // The gateway and the dashboard are not built on the kit, so its defaults are not beneath theirs.
        if (Files.readString(ROOT.resolve(service + "/pom.xml")).contains("<artifactId>service-kit</artifactId>")) {
            Path kit = ROOT.resolve("service-kit/src/main/resources");
            sources.add(kit.resolve("pausepoint-service-defaults.yml"));
            String application = applicationSources(service);
            if (application.contains("@EnableMail")) {
                sources.add(kit.resolve("mail.yml"));
            }
            if (application.contains("@EnablePlans")) {
                sources.add(kit.resolve("plans.yml"));
            }
        }
        Set<String> variables = new TreeSet<>();
        for (Path source : sources) {
            Matcher placeholder = PLACEHOLDER.matcher(Files.readString(source));
            while (placeholder.find()) {
                variables.add(placeholder.group(1));
            }
        }
        return variables;
    }

    private static String applicationSources(String service) throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve(service + "/src/main/java"))) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(path -> path.toString().endsWith("Application.java")).toList()) {
                all.append(Files.readString(file));
            }
            return all.toString();
        }
    }

    private static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as(deployment.getMetadata().getName() + " runs one container").hasSize(1);
        return containers.get(0);
    }

    @ParameterizedTest(name = "deploy/kubernetes/{0}")
    @ValueSource(strings = {"", "overlays/example", "overlays/dev"})
    void everyServiceIsProbedSizedScaledBudgetedAndReachable(String kustomization) throws IOException {
        List<HasMetadata> objects = load(kustomization);
        for (String service : SERVICES) {
            Deployment deployment = named(objects, Deployment.class, service);
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = container(deployment);

            assertThat(container.getPorts()).as(service + " names its ports")
                    .anyMatch(port -> "management".equals(port.getName()))
                    .anyMatch(port -> "http".equals(port.getName()));
            assertProbe(service, "startup", container.getStartupProbe(), "/actuator/health/liveness");
            assertProbe(service, "liveness", container.getLivenessProbe(), "/actuator/health/liveness");
            assertProbe(service, "readiness", container.getReadinessProbe(), "/actuator/health/readiness");

            var resources = container.getResources();
            assertThat(resources.getRequests()).as(service + " requests").containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).as(service + " limits").containsKeys("cpu", "memory");
            assertThat(resources.getLimits().get("memory")).as(service + ": memory is requested as it is limited, so "
                    + "the heap share of the limit is always there").isEqualTo(resources.getRequests().get("memory"));
            assertThat(env(container, "JAVA_TOOL_OPTIONS")).as(service + " sizes its heap from the limit")
                    .contains("-XX:MaxRAMPercentage=");

            var rollout = deployment.getSpec().getStrategy().getRollingUpdate();
            assertThat(rollout.getMaxUnavailable().getIntVal()).isZero();
            assertThat(rollout.getMaxSurge().getIntVal()).isEqualTo(1);
            assertThat(deployment.getSpec().getReplicas()).as(service + ": the autoscaler owns the count").isNull();
            assertThat(container.getLifecycle().getPreStop().getSleep().getSeconds()).isEqualTo(PRE_STOP_SECONDS);
            Duration phase = env(container, "SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE") == null ? DEFAULT_SHUTDOWN_PHASE
                    : Duration.parse("PT" + env(container, "SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE").toUpperCase());
            assertThat(pod.getTerminationGracePeriodSeconds()).as(service + ": preStop, the web server's drain and one "
                    + "more phase fit in the grace period").isGreaterThanOrEqualTo(PRE_STOP_SECONDS + 2 * phase.toSeconds());

            assertThat(pod.getEnableServiceLinks()).isFalse();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as("the Dockerfile's user").isEqualTo(10001L);
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(container.getVolumeMounts()).as(service + " writes only to /tmp")
                    .anyMatch(mount -> mount.getMountPath().equals("/tmp"));

            HorizontalPodAutoscaler autoscaler = named(objects, HorizontalPodAutoscaler.class, service);
            assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(service);
            assertThat(autoscaler.getSpec().getMetrics()).anyMatch(metric -> metric.getResource() != null
                    && metric.getResource().getName().equals("cpu"));
            assertThat(autoscaler.getSpec().getMinReplicas()).isPositive()
                    .isLessThanOrEqualTo(autoscaler.getSpec().getMaxReplicas());

            PodDisruptionBudget budget = named(objects, PodDisruptionBudget.class, service);
            assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
            assertThat(all(objects, PodDisruptionBudget.class)).as("one budget selects " + service)
                    .filteredOn(other -> podLabels.entrySet().containsAll(other.getSpec().getSelector().getMatchLabels().entrySet()))
                    .hasSize(1);

            var serviceObject = named(objects, io.fabric8.kubernetes.api.model.Service.class, service);
            assertThat(podLabels).containsAllEntriesOf(serviceObject.getSpec().getSelector());
            assertThat(serviceObject.getSpec().getPorts()).anyMatch(port -> port.getTargetPort().getStrVal().equals("http"));
        }
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(variable -> variable.getName().equals(name)).map(EnvVar::getValue)
                .findFirst().orElse(null);
    }

    private static void assertProbe(String service, String kind, Probe probe, String path) {
        assertThat(probe).as(service + " has a " + kind + " probe").isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get.getPath()).as(service + " " + kind).isEqualTo(path);
        assertThat(get.getPort().getStrVal()).as(service + " " + kind + " on the management port").isEqualTo("management");
    }

    @ParameterizedTest(name = "deploy/kubernetes/{0}")
    @ValueSource(strings = {"", "overlays/example", "overlays/dev"})
    void theNetworkPoliciesAllowExactlyTheDocumentedEdges(String kustomization) {
        List<HasMetadata> objects = load(kustomization);
        List<NetworkPolicy> policies = all(objects, NetworkPolicy.class);
        NetworkPolicy deny = named(objects, NetworkPolicy.class, "default-deny-ingress");
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).as("it selects every pod").isNullOrEmpty();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactly("Ingress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();

        Set<String> edges = new TreeSet<>();
        for (NetworkPolicy policy : policies) {
            String target = policy.getSpec().getPodSelector().getMatchLabels() == null ? null
                    : policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name");
            if (target == null || !SERVICES.contains(target)) {
                continue;
            }
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                assertThat(rule.getPorts()).as("every rule of " + target + " names its ports").isNotEmpty();
                List<NetworkPolicyPeer> from = rule.getFrom() == null ? List.of() : rule.getFrom();
                from.forEach(peer -> assertThat(peer.getIpBlock()).as("sources are pods or namespaces, never address ranges").isNull());
                List<String> sources = from.isEmpty() ? List.of("anyone") : from.stream().map(ManifestsTest::peer).toList();
                for (String source : sources) {
                    rule.getPorts().forEach(port -> edges.add(source + " -> " + target + ":" + port.getPort().getStrVal()));
                }
            }
        }
        assertThat(edges).isEqualTo(DOCUMENTED_EDGES);
        List<String> unguarded = new ArrayList<>();
        for (String service : SERVICES) {
            Map<String, String> labels = named(objects, Deployment.class, service).getSpec().getTemplate().getMetadata().getLabels();
            if (policies.stream().noneMatch(policy -> policy.getSpec().getPodSelector().getMatchLabels() != null
                    && labels.entrySet().containsAll(policy.getSpec().getPodSelector().getMatchLabels().entrySet()))) {
                unguarded.add(service);
            }
        }
        assertThat(unguarded).as("services without a policy of their own").isEmpty();
    }

    /** A peer as the documented edges name it: a pod of ours by name, a namespace, or pods of a namespace. */
    private static String peer(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return "addresses " + peer.getIpBlock().getCidr();
        }
        Map<String, String> pods = labels(peer.getPodSelector());
        String podsNamed = "pods " + String.join(",", pods.entrySet().stream().map(label -> label.getKey() + "=" + label.getValue())
                .sorted().toList());
        if (peer.getNamespaceSelector() == null) {
            return pods.containsKey("app.kubernetes.io/name") ? pods.get("app.kubernetes.io/name") : podsNamed;
        }
        String namespace = "namespace " + labels(peer.getNamespaceSelector()).get("kubernetes.io/metadata.name");
        return peer.getPodSelector() == null ? namespace : namespace + ", " + podsNamed;
    }

    private static Map<String, String> labels(LabelSelector selector) {
        return selector == null || selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    }

    @ParameterizedTest(name = "deploy/kubernetes/{0}")
    @ValueSource(strings = {"", "overlays/example", "overlays/dev"})
    void onlyTheDashboardsAndMcpServersEgressIsRestrictedAndOnlyToTheGatewayAndDns(String kustomization) {
        Set<String> restricted = new TreeSet<>();
        Set<String> edges = new TreeSet<>();
        for (NetworkPolicy policy : all(load(kustomization), NetworkPolicy.class)) {
            if (policy.getSpec().getPolicyTypes() == null || !policy.getSpec().getPolicyTypes().contains("Egress")) {
                assertThat(policy.getSpec().getEgress()).as(policy.getMetadata().getName() + ": egress rules that apply "
                        + "only with the Egress policy type").isNullOrEmpty();
                continue;
            }
            String origin = labels(policy.getSpec().getPodSelector()).getOrDefault("app.kubernetes.io/name", "every pod");
            restricted.add(origin);
            for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                assertThat(rule.getTo()).as("every egress rule of " + origin + " names where it goes").isNotEmpty();
                assertThat(rule.getPorts()).as("every egress rule of " + origin + " names its ports").isNotEmpty();
                for (NetworkPolicyPeer destination : rule.getTo()) {
                    for (NetworkPolicyPort port : rule.getPorts()) {
                        Object named = port.getPort().getStrVal() != null ? port.getPort().getStrVal() : port.getPort().getIntVal();
                        String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
                        edges.add(origin + " -> " + peer(destination) + ":" + named + "/" + protocol);
                    }
                }
            }
        }
        assertThat(restricted).as("pods whose egress is restricted").containsExactly("dashboard", "mcp-server");
        assertThat(edges).isEqualTo(DOCUMENTED_EGRESS);
    }

    @ParameterizedTest(name = "deploy/kubernetes/{0}")
    @ValueSource(strings = {"", "overlays/example", "overlays/dev"})
    void everyInClusterUrlNamesAServiceAndItsApiPort(String kustomization) {
        List<HasMetadata> objects = load(kustomization);
        List<String> urls = new ArrayList<>();
        for (String service : SERVICES) {
            for (EnvVar variable : container(named(objects, Deployment.class, service)).getEnv()) {
                Matcher url = IN_CLUSTER_URL.matcher(variable.getValue() == null ? "" : variable.getValue());
                if (!url.matches()) {
                    continue;
                }
                urls.add(variable.getName());
                var target = named(objects, io.fabric8.kubernetes.api.model.Service.class, url.group(1));
                assertThat(target.getSpec().getPorts()).as(service + "'s " + variable.getName() + " is the http port of "
                        + url.group(1)).anyMatch(port -> port.getPort() == Integer.parseInt(url.group(2))
                        && "http".equals(port.getTargetPort().getStrVal()));
            }
        }
        assertThat(urls).as("the addresses checked").contains("DASHBOARD_URL", "DASHBOARD_API_URL", "PAUSE_SERVICE_URL",
                "MCP_SERVER_URL", "PAUSEPOINT_URL");
    }

    @ParameterizedTest(name = "deploy/kubernetes/{0}")
    @ValueSource(strings = {"", "overlays/example", "overlays/dev"})
    void theGatewayRoutesToTheDashboardWhoseCookiesStaySecure(String kustomization) {
        List<HasMetadata> objects = load(kustomization);
        assertThat(env(container(named(objects, Deployment.class, "gateway")), "DASHBOARD_URL"))
                .isEqualTo("http://dashboard:8085");
        assertThat(env(container(named(objects, Deployment.class, "dashboard")), "DASHBOARD_SECURE_COOKIES"))
                .as("browsers reach the dashboard over https at the ingress").isEqualTo("true");
    }

    @ParameterizedTest(name = "deploy/kubernetes/{0}")
    @ValueSource(strings = {"", "overlays/example", "overlays/dev"})
    void theGatewayRoutesToTheMcpServerWhichCallsTheGatewayBack(String kustomization) {
        List<HasMetadata> objects = load(kustomization);
        assertThat(env(container(named(objects, Deployment.class, "gateway")), "MCP_SERVER_URL"))
                .isEqualTo("http://mcp-server:8086");
        Container mcp = container(named(objects, Deployment.class, "mcp-server"));
        assertThat(env(mcp, "MCP_TRANSPORT")).as("the jar's HTTP mode").isEqualTo("http");
        assertThat(env(mcp, "PAUSEPOINT_URL")).as("tools call the API through the gateway").isEqualTo("http://gateway:8080");
    }

    @Test
    void theOverlaysChangeWhatTheySay() {
        List<HasMetadata> example = load("overlays/example");
        assertThat(example).allMatch(object -> object instanceof io.fabric8.kubernetes.api.model.Namespace
                || "pausepoint".equals(object.getMetadata().getNamespace()));
        for (String service : SERVICES) {
            assertThat(container(named(example, Deployment.class, service)).getImage())
                    .isEqualTo("registry.example.com/pausepoint/" + service + ":0.1.0");
        }
        assertThat(named(example, HorizontalPodAutoscaler.class, "pause-service").getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(named(example, io.fabric8.kubernetes.api.model.ConfigMap.class, "pausepoint-config").getData())
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "pausepoint-kafka-bootstrap.kafka.svc:9092")
                .containsEntry("SLACK_WEBHOOK_HOSTS", "hooks.slack.com");
        assertThat(named(example, io.fabric8.kubernetes.api.model.networking.v1.Ingress.class, "gateway")
                .getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName()).isEqualTo("gateway");
        assertThat(all(example, io.fabric8.kubernetes.api.model.Secret.class)).as("no secret values committed").isEmpty();

        List<HasMetadata> dev = load("overlays/dev");
        for (String service : SERVICES) {
            assertThat(container(named(dev, Deployment.class, service)).getImage()).isEqualTo("pausepoint/" + service + ":dev");
        }
        for (String server : List.of("postgres", "kafka", "redis")) {
            var statefulSet = named(dev, io.fabric8.kubernetes.api.model.apps.StatefulSet.class, server);
            assertThat(statefulSet.getSpec().getReplicas()).isEqualTo(1);
            assertThat(statefulSet.getMetadata().getNamespace()).isEqualTo("pausepoint-dev");
            named(dev, io.fabric8.kubernetes.api.model.Service.class, server);
        }
        assertThat(all(dev, io.fabric8.kubernetes.api.model.Secret.class)).as("no secret values committed").isEmpty();
    }

    @Test
    void theDevPostgresCreatesTheDatabasesOfTheComposeStack() throws IOException {
        var init = named(load("overlays/dev"), io.fabric8.kubernetes.api.model.ConfigMap.class, "postgres-init");
        assertThat(init.getData().get("create-databases.sql"))
                .isEqualTo(Files.readString(ROOT.resolve("deploy/postgres/create-databases.sql")));
    }

    @Test
    void aFieldTheModelDoesNotKnowIsFound() {
        Map<String, Object> typo = new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "Service",
                "metadata", Map.of("name", "x"), "spec", Map.of("selectr", Map.of("a", "b"))));
        Object model = KUBERNETES_MODEL.unmarshal(JSON.writeValueAsString(typo));
        assertThat(unknownFields(model, "", new IdentityHashMap<>())).containsExactly(".Spec.selectr");
    }
}
