# shellcheck shell=bash
# Sourced by .ci/run (never executed): makes the Spark tests (pytest -m spark) runnable.
#   - Java 17+ (Spark 4 needs it): installs openjdk-17-jre-headless with apt-get if
#     `java` is not on PATH;
#   - pyspark==4.3.0 (the `spark` extra) into the active virtual environment if missing;
#   - exports JAVA_HOME, SPARK_LOCAL_IP=127.0.0.1 (no "resolves to a loopback address"
#     warning, no binding to an outside interface) and PYSPARK_PYTHON (the executors'
#     Python must be the venv's, where veille and its spaCy models are installed).
# It does not `set -e` or exit: the caller's shell options stay as they were. A failure
# to install is reported and the spark tests then skip with their own reason.

_veille_spark_setup() {
  local sudo=""
  if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  fi
  if ! command -v java >/dev/null 2>&1; then
    echo "spark.sh: java not found; installing openjdk-17-jre-headless"
    $sudo apt-get update -qq || return 1
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      openjdk-17-jre-headless || return 1
  fi
  local py="${VIRTUAL_ENV:+$VIRTUAL_ENV/bin/}python"
  if ! "$py" -c "import pyspark" >/dev/null 2>&1; then
    echo "spark.sh: installing pyspark==4.3.0 (an sdist of ~450 MB; ~30 s with a warm cache)"
    "$py" -m pip install --quiet "pyspark==4.3.0" || return 1
  fi
  JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
  export JAVA_HOME
  export SPARK_LOCAL_IP=127.0.0.1
  PYSPARK_PYTHON="$(command -v "$py")"
  export PYSPARK_PYTHON
  export PYSPARK_DRIVER_PYTHON="$PYSPARK_PYTHON"
  echo "spark.sh: $(java -version 2>&1 | head -1); pyspark $("$py" -c 'import pyspark; print(pyspark.__version__)'); JAVA_HOME=$JAVA_HOME"
}

if ! _veille_spark_setup; then
  echo "spark.sh: setup failed; tests marked 'spark' will be skipped" >&2
fi
unset -f _veille_spark_setup
