{{- define "envprofile.name" -}}envprofile-operator{{- end -}}
{{- define "envprofile.fullname" -}}{{ .Release.Name | trunc 40 | trimSuffix "-" }}-envprofile-operator{{- end -}}
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
