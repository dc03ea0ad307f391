{{- define "envprofile.name" -}}envprofile-operator{{- end -}}
{{- /* The release name when it already says envprofile (helm install envprofile-operator ...), else <release>-envprofile-operator. */ -}}
{{- define "envprofile.fullname" -}}
{{- if contains "envprofile" .Release.Name -}}{{ .Release.Name | trunc 63 | trimSuffix "-" }}{{- else -}}{{ .Release.Name | trunc 43 | trimSuffix "-" }}-envprofile-operator{{- end -}}
{{- end -}}
{{- define "envprofile.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}{{ include "envprofile.fullname" . }}{{- else -}}{{ required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}{{- end -}}
{{- end -}}
{{- define "envprofile.labels" -}}
app.kubernetes.io/name: {{ include "envprofile.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}
{{- define "envprofile.selector" -}}
app.kubernetes.io/name: {{ include "envprofile.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
