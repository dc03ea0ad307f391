package dev.envprofile.engine.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.engine.network.References;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13, defect 4 ("connection strings not read"): which (name, value) pairs are credentials, and
 * which secret is found in them. Positives and negatives in one table: precision matters as much.
 */
class CredentialDetectionTest {
  private static final CredentialNames NAMES = new CredentialNames(List.of());

  /** An env literal or ConfigMap key: named like a credential with a plausible value, or embedding one. */
  private static List<String> secretsIn(String name, String value) {
    List<String> out = new java.util.ArrayList<>();
    if (NAMES.matches(name) && CredentialValues.plausible(name, value)) {
      out.add(value);
    }
    EmbeddedCredentials.find(value).forEach(f -> out.add(f.secret()));
    return out;
  }

  static Stream<Arguments> table() {
    return Stream.of(
        // name, value, expected secret (null: not a credential)
        Arguments.of("DB_PASSWORD", "s3cr3t-Value", "s3cr3t-Value"),
        Arguments.of("DB_PASSWORD", "123456", "123456"),
        Arguments.of("ConnectionStrings__Default", "Host=postgresql;Port=5432;Username=app;Password=Npg-Pass-1;Database=app", "Npg-Pass-1"),
        Arguments.of("SQL", "Server=tcp:mssql,1433;Database=app;User Id=sa;Password=\"Sql;Pass=2\"", "Sql;Pass=2"),
        Arguments.of("MYSQL", "Server=mysql;Uid=app;Pwd=My-Pass-3;", "My-Pass-3"),
        Arguments.of("PG", "host=pg port=5432 user=app password=Lib-Pq-4 dbname=app", "Lib-Pq-4"),
        Arguments.of("JDBC_URL", "jdbc:postgresql://pg:5432/app?user=app&password=Jdbc-Pass-5", "Jdbc-Pass-5"),
        Arguments.of("JDBC_URL", "jdbc:mysql://my:3306/app?useSSL=false&password=Jdbc-Pass-6&x=1", "Jdbc-Pass-6"),
        Arguments.of("MSSQL_URL", "jdbc:sqlserver://ms:1433;databaseName=app;password=Jdbc-Pass-7", "Jdbc-Pass-7"),
        Arguments.of("REDIS_URL", "redis://:Redis-Pass-8@redis:6379/0", "Redis-Pass-8"),
        Arguments.of("AMQP_URL", "amqp://user:Amqp-Pass-9@rabbit:5672/", "Amqp-Pass-9"),
        Arguments.of("AUTH_HEADER", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc123", "eyJhbGciOiJIUzI1NiJ9.e30.abc123"),
        Arguments.of("HEADERS", "Authorization: token 0123abcd4567ef", "0123abcd4567ef"),
        Arguments.of("HEADERS", "Authorization: Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA=="),
        Arguments.of("GH", "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8", "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"),
        Arguments.of("GH", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz"),
        Arguments.of("SLACK", "xoxb-1234567890-0987654321-AbCdEfGhIjKl", "xoxb-1234567890-0987654321-AbCdEfGhIjKl"),
        Arguments.of("SLACK_APP", "xapp-1-A0123456789-0123456789-abcdef", "xapp-1-A0123456789-0123456789-abcdef"),
        Arguments.of("STRIPE", "sk_live_" + "51H8abcdefghijklmnop", "sk_live_51H8abcdefghijklmnop"),
        Arguments.of("STRIPE", "rk_live_" + "51H8abcdefghijklmnop", "rk_live_51H8abcdefghijklmnop"),
        Arguments.of("STRIPE", "sk_test_" + "51H8abcdefghijklmnop", "sk_test_51H8abcdefghijklmnop"),
        Arguments.of("AWS_ID", "AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
        Arguments.of("KEY", "ASIAIOSFODNN7EXAMPLE", "ASIAIOSFODNN7EXAMPLE"),
        Arguments.of("spring.datasource.password", "Spring-Pass-10", "Spring-Pass-10"),
        Arguments.of("jwtSecret", "Jwt-Secret-11", "Jwt-Secret-11"),
        // negatives
        Arguments.of("TOKEN_EXPIRY_SECONDS", "3600", null),
        Arguments.of("TOKEN_TTL", "15m", null),
        Arguments.of("JWT_SECRET_ROTATION_DAYS", "30", null),
        Arguments.of("SESSION_TOKEN_LIFETIME", "PT1H", null),
        Arguments.of("PASSWORD_MIN_LENGTH", "8", null),
        Arguments.of("PASSWORD_MAX_AGE", "90d", null),
        Arguments.of("SECRET_NAME", "my-secret", null),
        Arguments.of("TOKEN_URL", "https://auth.example.com/token", null),
        Arguments.of("DB_PASSWORD_FILE", "/run/secrets/db-password", null),
        Arguments.of("API_KEY_PATH", "/etc/keys/api", null),
        Arguments.of("REQUIRE_PASSWORD", "true", null),
        Arguments.of("PASSWORD_AUTH", "disabled", null),
        Arguments.of("DB_PASSWORD", "$(DB_PASSWORD_FROM_SECRET)", null),
        Arguments.of("DB_PASSWORD", "${DB_PASSWORD}", null),
        Arguments.of("DB_PASSWORD", "", null),
        Arguments.of("TOKEN_TIMEOUT", "30s", null),
        Arguments.of("DATABASE_URL", "postgresql://app@pg:5432/app", null),
        Arguments.of("DATABASE_URL", "postgresql://$(DB_USER):$(DB_PASSWORD)@pg:5432/app", null),
        Arguments.of("TOKEN_URL", "https://auth.example.com/token?token_type=bearer", null),
        Arguments.of("CONN", "Host=postgresql;Port=5432;Username=app;Database=app", null),
        Arguments.of("CONN", "Host=postgresql;Password=$(PG_PASSWORD)", null),
        Arguments.of("MESSAGE", "Bearer authentication is required", null),
        Arguments.of("MESSAGE", "use Basic auth or a token", null),
        Arguments.of("DOC", "keys look like sk_live_ or ghp_ followed by characters", null),
        Arguments.of("AWS_REGION", "AKIA-not-a-key", null),
        Arguments.of("IMAGE", "ghcr.io/org/ghp_tool:1.0", null),
        Arguments.of("PWD", "/app", null),
        Arguments.of("LOG_LEVEL", "password=redacted is logged at debug", null));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("table")
  void credentialOrNot(String name, String value, String expected) {
    List<String> found = secretsIn(name, value);
    if (expected == null) {
      assertThat(found).as("%s=%s is not a credential", name, value).isEmpty();
    } else {
      assertThat(found).as("%s=%s", name, value).contains(expected);
    }
  }

  static Stream<Arguments> args() {
    return Stream.of(
        Arguments.of(List.of("server", "--db-password=Arg-Pass-1"), "Arg-Pass-1"),
        Arguments.of(List.of("server", "--password", "Arg-Pass-2"), "Arg-Pass-2"),
        Arguments.of(List.of("sh", "-c", "mysql -h db -uroot -pArg-Pass-3 app < dump.sql"), "Arg-Pass-3"),
        Arguments.of(List.of("mysqladmin", "-uroot", "-pArg-Pass-4", "ping"), "Arg-Pass-4"),
        Arguments.of(List.of("sh", "-c", "PGPASSWORD=Arg-Pass-5 psql -h pg"), "Arg-Pass-5"),
        Arguments.of(List.of("helm", "install", "--set", "auth.password=Arg-Pass-6"), "Arg-Pass-6"),
        Arguments.of(List.of("curl", "-H", "Authorization: Bearer Arg-Token-7abc", "http://api"), "Arg-Token-7abc"),
        Arguments.of(List.of("app", "--url=postgres://u:Arg-Pass-8@pg/app"), "Arg-Pass-8"),
        Arguments.of(List.of("app", "--client-secret", "Arg-Pass-9"), "Arg-Pass-9"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("args")
  void commandLineCredentials(List<String> line, String expected) {
    assertThat(ArgCredentials.find(line, NAMES)).extracting(ArgCredentials.Found::value).contains(expected);
  }

  static Stream<Arguments> notArgs() {
    return Stream.of(
        Arguments.of(List.of("server", "--db-password=$(DB_PASSWORD)")),
        Arguments.of(List.of("sh", "-c", "mysql -uroot -p$MYSQL_PASSWORD app")),
        Arguments.of(List.of("psql", "-p", "5432", "-h", "pg")),
        Arguments.of(List.of("redis-server", "-p6379")),
        Arguments.of(List.of("server", "--password-file", "/run/secrets/pw")),
        Arguments.of(List.of("server", "--token-ttl", "3600", "--password", "--verbose")),
        Arguments.of(List.of("docker", "login", "--password-stdin", "registry.example.com")),
        Arguments.of(List.of("app", "--require-password=true")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notArgs")
  void commandLinesWithoutCredentials(List<String> line) {
    assertThat(ArgCredentials.find(line, NAMES)).isEmpty();
  }

  @Test
  void configFilesAreReadAtAnyDepth() {
    String json = "{\"Logging\":{\"Level\":\"Info\"},\"ConnectionStrings\":{\"Default\":"
        + "\"Host=postgresql;Port=5432;Username=app;Password=Json-Pass-1\"},\"Auth\":{\"clientSecret\":\"Json-Secret-2\","
        + "\"tokenExpirySeconds\":\"3600\"}}";
    assertThat(ConfigFileSettings.find(json, NAMES)).extracting(ConfigFileSettings.Setting::value)
        .contains("Json-Pass-1", "Json-Secret-2").doesNotContain("3600", "Info");
    String yaml = """
        database:
          host: pg
          password: "Yaml-Pass-3"
          pool: {max: 10}
        auth:
          jwt:
            secret: Yaml-Secret-4 # rotated yearly
            expiry: 3600
          token_url: https://auth/token
        redis:
          url: redis://:Yaml-Pass-5@redis:6379
        """;
    assertThat(ConfigFileSettings.find(yaml, NAMES)).extracting(ConfigFileSettings.Setting::value)
        .contains("Yaml-Pass-3", "Yaml-Secret-4", "Yaml-Pass-5").doesNotContain("3600", "https://auth/token");
    String ini = "[database]\npassword = Ini-Pass-6\n; password = commented\n[mail]\nsmtp_password=Ini-Pass-7\n";
    assertThat(ConfigFileSettings.find(ini, NAMES)).extracting(ConfigFileSettings.Setting::value)
        .containsExactlyInAnyOrder("Ini-Pass-6", "Ini-Pass-7");
    String env = "export API_KEY='Env-Key-8'\nDB_PASSWORD_FILE=/run/secrets/db\nTOKEN_EXPIRY=1h\n";
    assertThat(ConfigFileSettings.find(env, NAMES)).extracting(ConfigFileSettings.Setting::value)
        .containsExactly("Env-Key-8");
    String props = "spring.datasource.url=jdbc:postgresql://pg/app?password=Props-Pass-9\nspring.datasource.username=app\n";
    assertThat(ConfigFileSettings.find(props, NAMES)).extracting(ConfigFileSettings.Setting::value)
        .containsExactly("Props-Pass-9");
    assertThat(ConfigFileSettings.isFile("appsettings.json", "{\"a\":1}")).isTrue();
    assertThat(ConfigFileSettings.isFile("LOG_LEVEL", "info")).isFalse();
  }

  static Stream<Arguments> hosts() {
    return Stream.of(
        Arguments.of("Host=postgresql;Port=5432;Username=app;Password=x", "postgresql:5432"),
        Arguments.of("Server=tcp:mssql,1433;Database=app;User Id=sa;Password=x", "mssql:1433"),
        Arguments.of("Data Source=sqlserver;Initial Catalog=app;Integrated Security=true", "sqlserver"),
        Arguments.of("Server=mysql;Port=3307;Uid=app;Pwd=x", "mysql:3307"),
        Arguments.of("Host=pg-primary:5433;Username=app", "pg-primary:5433"),
        Arguments.of("host=pg port=5432 user=app password=x dbname=app", "pg:5432"),
        Arguments.of("{\"ConnectionStrings\": {\"Default\": \"Host=orders-db;Port=5432;Password=x\"}}", "orders-db:5432"),
        Arguments.of("redis://:pw@redis:6380/0", "redis:6380"),
        Arguments.of("jdbc:postgresql://pg/app?password=x", "pg:5432"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hosts")
  void connectionStringHostsAreFlows(String value, String expected) {
    assertThat(References.asStrings(References.in(value, false))).contains(expected);
  }

  @Test
  void hostScannerKeepsItsOldAnswers() {
    assertThat(References.asStrings(References.in("zipkin.tracing.svc.cluster.local:9411, redis:6379", false)))
        .containsExactly("zipkin.tracing.svc.cluster.local:9411", "redis:6379");
    assertThat(References.in("at 10:30 or 2024-01-01T10:30:00", false)).isEmpty();
    assertThat(References.asStrings(References.in("postgresql://u:p@postgres:5432/app", false))).containsExactly("postgres:5432");
    assertThat(References.asStrings(References.in("redis", true))).containsExactly("redis");
    assertThat(References.in("my_host:5432", false)).isEmpty();
  }
}
