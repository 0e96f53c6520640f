# Build stage: compile and package the runnable jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests

# Run stage: just the JRE, the jar and the shipped config, run by an unprivileged user.
FROM eclipse-temurin:17-jre
# A system user without a login shell or home; it owns only /app/data, where the SQLite store is written.
RUN groupadd --system newsalert && useradd --system --gid newsalert --no-create-home --shell /usr/sbin/nologin newsalert
WORKDIR /app
COPY --from=build /src/target/newsalert.jar /app/newsalert.jar
COPY config /app/config
RUN mkdir -p /app/data && chown newsalert:newsalert /app/data
# SQLite database lives here; mount a volume to keep it across container restarts. A new named volume takes
# this folder's owner, so the newsalert user can write it.
VOLUME /app/data
USER newsalert
# Chat tokens come from the environment: TELEGRAM_BOT_TOKEN, DISCORD_TOKEN (never bake them into the image).
# Monitoring: /metrics (Prometheus) and /health on port 9400, bound to all of the container's addresses so that a
# published port (-p 9400:9400) reaches it. -e NEWSALERT_METRICS_PORT= (empty) turns it off, and the health check
# with it (then also run with --no-healthcheck).
ENV NEWSALERT_METRICS_PORT=9400 NEWSALERT_METRICS_HOST=0.0.0.0
EXPOSE 9400
# The runtime image has no curl: the probe is a small class of the jar (plain JDK HTTP, exit 0 on 200, else 1).
HEALTHCHECK --interval=30s --timeout=10s --start-period=2m --retries=3 \
    CMD ["java", "-Xmx16m", "-XX:TieredStopAtLevel=1", "-cp", "/app/newsalert.jar", "newsalert.app.HealthProbe"]
ENTRYPOINT ["java", "-Xmx512m", "-jar", "/app/newsalert.jar"]
CMD ["run", "--config", "/app/config/newsalert.yml"]
