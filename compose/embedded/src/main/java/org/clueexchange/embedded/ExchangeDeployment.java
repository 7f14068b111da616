package org.clueexchange.embedded;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clueexchange.events.AgencyType;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.AgencyKeyring;
import org.clueexchange.infrastructure.CoreCredentials;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.FreePorts;
import org.clueexchange.infrastructure.KafkaBroker;
import org.clueexchange.infrastructure.PostgresServer;

/**
 * The core and one adapter per agency for one jurisdiction, each in a process of its own, on a broker and a
 * database server that are already running. Each adapter signs with a key made for this deployment, and every
 * application trusts those keys, written to {@code agency-keys.properties} beside the logs.
 */
public final class ExchangeDeployment implements AutoCloseable {

    public static final Duration STARTUP_PATIENCE = Duration.ofMinutes(3);

    /** The HTTP ports of the three applications; 0 picks a free one. */
    public record Ports(int core, int police, int discipline) {

        Ports resolved() {
            return new Ports(core == 0 ? FreePorts.pick() : core, police == 0 ? FreePorts.pick() : police,
                    discipline == 0 ? FreePorts.pick() : discipline);
        }
    }

    /** What a one-off command printed, and how it ended. */
    public record CommandResult(int exitCode, String output) {
    }

    private final String jurisdiction;
    private final AgencyKeyring keys;
    private final Path agencyKeys;
    private final AgencySystemCredentials credentials;
    private final CoreCredentials coreUsers;
    private final Path coreJar;
    private final Map<String, String> coreSettings;
    private final Database coreDatabase;
    private final String kafka;
    private final ApplicationProcess core;
    private final ApplicationProcess police;
    private final ApplicationProcess discipline;

    private ExchangeDeployment(String jurisdiction, AgencyKeyring keys, Path agencyKeys,
                               AgencySystemCredentials credentials, CoreCredentials coreUsers, Path coreJar,
                               Map<String, String> coreSettings, Database coreDatabase, String kafka,
                               ApplicationProcess core,
                               ApplicationProcess police, ApplicationProcess discipline) {
        this.jurisdiction = jurisdiction;
        this.keys = keys;
        this.agencyKeys = agencyKeys;
        this.credentials = credentials;
        this.coreUsers = coreUsers;
        this.coreJar = coreJar;
        this.coreSettings = Map.copyOf(coreSettings);
        this.coreDatabase = coreDatabase;
        this.kafka = kafka;
        this.core = core;
        this.police = police;
        this.discipline = discipline;
    }

    /**
     * Creates the applications' databases (their names prefixed with {@code databasePrefix}), starts the three
     * processes and waits until all are ready.
     */
    public static ExchangeDeployment start(ExchangeInfrastructure infrastructure, Path applications, Ports ports,
                                           Path logs, String jurisdiction, String databasePrefix)
            throws InterruptedException {
        return start(infrastructure, applications, ports, logs, jurisdiction, databasePrefix, Map.of());
    }

    /** As above, with {@code coreSettings} added to the core's own. */
    public static ExchangeDeployment start(ExchangeInfrastructure infrastructure, Path applications, Ports ports,
                                           Path logs, String jurisdiction, String databasePrefix,
                                           Map<String, String> coreSettings) throws InterruptedException {
        return start(infrastructure, applications, ports, logs, jurisdiction, databasePrefix, coreSettings,
                AgencyKeyring.of());
    }

    /**
     * As above, every application also trusting {@code alsoTrusted}: the keys a test signs the facts it publishes
     * straight onto the topics with.
     */
    public static ExchangeDeployment start(ExchangeInfrastructure infrastructure, Path applications, Ports ports,
                                           Path logs, String jurisdiction, String databasePrefix,
                                           Map<String, String> coreSettings, AgencyKeyring alsoTrusted)
            throws InterruptedException {
        return start(infrastructure.kafka(), infrastructure.postgres(), applications, ports, logs, jurisdiction,
                databasePrefix, coreSettings, alsoTrusted);
    }

    /**
     * As above, on this broker and database server: a broker of the deployment's own holds exactly the facts its
     * applications published, as an exchange's topics do, which is what a replay of them needs.
     */
    public static ExchangeDeployment start(KafkaBroker broker, PostgresServer postgres, Path applications,
                                           Ports ports, Path logs, String jurisdiction, String databasePrefix,
                                           Map<String, String> coreSettings, AgencyKeyring alsoTrusted)
            throws InterruptedException {
        Ports resolved = ports.resolved();
        String run = UUID.randomUUID().toString().substring(0, 8);
        AgencyKeyring.Signing policeKey = AgencyKeyring.generate("police-" + jurisdiction + "-" + run,
                AgencyType.POLICE, jurisdiction);
        AgencyKeyring.Signing disciplineKey = AgencyKeyring.generate("discipline-" + jurisdiction + "-" + run,
                AgencyType.DISCIPLINE, jurisdiction);
        AgencyKeyring keys = AgencyKeyring.of(policeKey, disciplineKey).with(alsoTrusted);
        Path agencyKeys;
        try {
            agencyKeys = keys.writeTo(Files.createDirectories(logs).resolve("agency-keys.properties"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the agency keys beside the logs in " + logs, e);
        }
        String kafka = broker.bootstrapServers();
        AgencySystemCredentials credentials = AgencySystemCredentials.generate();
        CoreCredentials coreUsers = CoreCredentials.generate(jurisdiction);
        Database coreDatabase = postgres.createDatabase(databasePrefix + "clue_exchange");
        Database policeDatabase = postgres.createDatabase(databasePrefix + "police_adapter");
        Database disciplineDatabase = postgres.createDatabase(databasePrefix + "discipline_adapter");

        Map<String, String> settings = new LinkedHashMap<>(coreUsers.settings());
        settings.put(AgencyKeyring.CORE_AGENCY_KEYS, agencyKeys.toString());
        settings.putAll(coreSettings);
        ApplicationProcess core = core(applications, resolved.core(), coreDatabase, kafka, settings,
                ApplicationProcess.EMBEDDED_JVM_OPTIONS, logs);
        // Both adapters key the people they name with one secret, made for this run: keys of earlier runs match none.
        String personKeySecret = AdapterSettings.randomPersonKeySecret();
        ApplicationProcess police = adapter("police-adapter", applications, resolved.police(), policeDatabase, kafka,
                jurisdiction, personKeySecret, policeKey, agencyKeys, AgencySystemCredentials.clientsJson(
                        "police-case-system-" + jurisdiction, credentials.policeCaseSystem(), jurisdiction), logs);
        ApplicationProcess discipline = adapter("discipline-adapter", applications, resolved.discipline(),
                disciplineDatabase, kafka, jurisdiction, personKeySecret, disciplineKey, agencyKeys,
                AgencySystemCredentials.clientsJson("discipline-clue-system-" + jurisdiction,
                        credentials.disciplineClueSystem(), jurisdiction), logs);
        ExchangeDeployment deployment = new ExchangeDeployment(jurisdiction, keys, agencyKeys, credentials,
                coreUsers, coreJar(applications), coreSettings, coreDatabase, kafka, core, police, discipline);
        try {
            for (ApplicationProcess application : deployment.applications()) {
                application.start();
            }
            for (ApplicationProcess application : deployment.applications()) {
                application.awaitReady(STARTUP_PATIENCE);
            }
        } catch (RuntimeException | InterruptedException e) {
            deployment.close();
            throw e;
        }
        return deployment;
    }

    /**
     * The core on this database and broker, not yet started; {@code settings} add to or override its own (another
     * consumer group, say).
     */
    public static ApplicationProcess core(Path applications, int port, Database database, String kafka,
                                          Map<String, String> settings, List<String> jvmOptions, Path logs) {
        Map<String, String> coreSettings = database(database);
        coreSettings.put("clue-exchange.kafka.bootstrap-servers", kafka);
        coreSettings.putAll(settings);
        return new ApplicationProcess("clue-exchange-core", coreJar(applications), port, coreSettings,
                Map.of("AXONIQ_UPDATE_CHECKER_DISABLED", "true"), logs, jvmOptions);
    }

    private static Path coreJar(Path applications) {
        return applications.resolve("clue-exchange-core.jar");
    }

    /** The secrets go in the environment, where no other user of the machine reads them, unlike a command line. */
    private static ApplicationProcess adapter(String name, Path applications, int port, Database database,
                                              String kafka, String jurisdiction, String personKeySecret,
                                              AgencyKeyring.Signing signing, Path agencyKeys, String clients,
                                              Path logs) {
        Map<String, String> settings = database(database);
        settings.put("adapter.kafka.bootstrap-servers", kafka);
        settings.put("adapter.jurisdictions", jurisdiction);
        settings.put(AgencyKeyring.ADAPTER_AGENCY_KEYS, agencyKeys.toString());
        settings.put(AgencyKeyring.SIGNING_KEY_ID, signing.key().keyId());
        return new ApplicationProcess(name, applications.resolve(name + ".jar"), port, settings,
                Map.of("SPRING_APPLICATION_JSON", clients, "ADAPTER_PERSON_KEY_SECRET", personKeySecret,
                        "ADAPTER_SIGNING_PRIVATE_KEY", signing.adapterSettings().get(AgencyKeyring.SIGNING_PRIVATE_KEY)),
                logs, ApplicationProcess.EMBEDDED_JVM_OPTIONS);
    }

    private static Map<String, String> database(Database database) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", database.jdbcUrl());
        settings.put("spring.datasource.username", database.username());
        settings.put("spring.datasource.password", database.password());
        return settings;
    }

    public List<ApplicationProcess> applications() {
        return List.of(core, police, discipline);
    }

    public URI core() {
        return core.uri();
    }

    public URI police() {
        return police.uri();
    }

    public URI discipline() {
        return discipline.uri();
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    /** The keys the applications trust, the adapters' with their private halves: a test forges with them. */
    public AgencyKeyring keys() {
        return keys;
    }

    /** The public keys file every application of the deployment reads. */
    public Path agencyKeys() {
        return agencyKeys;
    }

    public AgencySystemCredentials credentials() {
        return credentials;
    }

    /** The core's users: an auditor, an operator and the reconciliation officer of the deployment's jurisdiction. */
    public CoreCredentials coreUsers() {
        return coreUsers;
    }

    /** The core's API as the officer of the deployment's jurisdiction calls it. */
    public JsonHttp coreAsOfficer() {
        return coreUsers.as(core(), CoreCredentials.officer(jurisdiction));
    }

    /** The core's database, e.g. to watch its progress beside its API. */
    public Database coreDatabase() {
        return coreDatabase;
    }

    /**
     * Runs one of the core's one-off commands ({@code reconcile monthly ...}, {@code replay}) against the core's
     * database and broker, as an operator would beside the running core, and waits for it to end. The command gets
     * the settings the caller added to the core's (a late-assertion tolerance, say): a replay must judge the facts
     * by the live core's rules.
     */
    public CommandResult runCore(Path log, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", coreJar.toString()));
        command.addAll(List.of(arguments));
        database(coreDatabase).forEach((key, value) -> command.add("--" + key + "=" + value));
        command.add("--clue-exchange.kafka.bootstrap-servers=" + kafka);
        command.add("--" + AgencyKeyring.CORE_AGENCY_KEYS + "=" + agencyKeys);
        coreSettings.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        int exitCode = builder.start().waitFor();
        return new CommandResult(exitCode, Files.readString(log));
    }

    /** Stops the core and starts it again on the same database and consumer group. */
    public void restartCore() throws InterruptedException {
        core.stop();
        core.start();
        core.awaitReady(STARTUP_PATIENCE);
    }

    @Override
    public void close() {
        for (ApplicationProcess application : applications()) {
            application.close();
        }
    }
}
