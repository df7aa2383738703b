# One image recipe for every service: docker build --build-arg SERVICE=pause-service .
# The build stage uses the Maven image, so no wrapper download is needed inside Docker.
FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN mvn -q -B -DskipTests package -pl ${SERVICE} -am

FROM eclipse-temurin:17-jre
ARG SERVICE
# curl is only for the container health check.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --no-create-home pausepoint
WORKDIR /app
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /app/app.jar
USER pausepoint
# Small heaps and the serial collector by default; override per deployment with JAVA_TOOL_OPTIONS.
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=70 -Xss512k -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
