# Build stage: compile and package the runnable jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests

# Run stage: just the JRE, the jar and the shipped config.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/newsalert.jar /app/newsalert.jar
COPY config /app/config
# SQLite database lives here; mount a volume to keep it across container restarts.
VOLUME /app/data
# Chat tokens come from the environment: TELEGRAM_BOT_TOKEN, DISCORD_TOKEN (never bake them into the image).
ENTRYPOINT ["java", "-jar", "/app/newsalert.jar"]
CMD ["run", "--config", "/app/config/newsalert.yml"]
