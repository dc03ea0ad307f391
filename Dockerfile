# envprofile-operator image. Build: make build && docker build -t envprofile-operator:dev .
# (CI has no Docker engine: the image is built by release pipelines, not by `make test`.)

# Base images are named by tag, not digest: the project's build machines reach no container
# registry, so no digest can be resolved or verified here (docs/security.md, "Not yet"). A release
# pipeline should pin both FROM lines as image@sha256:... and keep them current.

# Stage 1: a minimal JRE of just the modules the operator uses (checked by running the jar on a
# JRE jlink'ed from this list: CLI, operator, metrics including GC and CPU).
FROM eclipse-temurin:17-jdk-jammy AS jre
RUN jlink --add-modules java.base,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.sql,jdk.crypto.ec,jdk.httpserver,jdk.management,jdk.unsupported,jdk.zipfs \
      --strip-debug --no-man-pages --no-header-files --compress=2 --output /jre

# Stage 2: distroless base with a non-root user (65532) and no shell.
FROM gcr.io/distroless/base-debian12:nonroot
COPY --from=jre /jre /opt/jre
COPY operator/target/envprofile.jar /opt/envprofile/envprofile.jar
# Class-data archive (AppCDS) of the classes the operator loads up to its first reconciles: mapped at
# start instead of loaded and verified (half the CPU to the CRD check, docs/performance.md). Dumped
# here, by this image's own JRE and jar (an archive is valid only for the exact JVM and jar), from
# the class list `make operator-classlist` records in a run of the operator. Exec form: no shell.
COPY operator/src/main/docker/operator.classlist /opt/envprofile/operator.classlist
# The base image's user (nonroot) cannot write into /opt/envprofile, which COPY made root's.
USER 0:0
RUN ["/opt/jre/bin/java", "-Xshare:dump", "-XX:SharedClassListFile=/opt/envprofile/operator.classlist", \
     "-XX:SharedArchiveFile=/opt/envprofile/operator.jsa", "-Xlog:cds=error", "-cp", "/opt/envprofile/envprofile.jar"]
USER 65532:65532
# Container-aware heap; fail fast on OOM so Kubernetes restarts the pod. C1 only: the operator's
# work comes in bursts (a start-up, a rollout of many namespaces) that end before C2's compiling
# pays off; at 100 namespaces it halved the operator's CPU (61 s to 37 s; docs/performance.md).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
EXPOSE 8080
# The archive is optional at run time (-Xshare:auto): a JVM that cannot map it starts without it.
ENTRYPOINT ["/opt/jre/bin/java", "-XX:SharedArchiveFile=/opt/envprofile/operator.jsa", "-jar", "/opt/envprofile/envprofile.jar"]
CMD ["run"]
