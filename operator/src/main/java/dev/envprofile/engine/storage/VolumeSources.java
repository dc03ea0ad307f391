package dev.envprofile.engine.storage;

import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;

/** Volume sources as the API server sees them: a volume that names no source is an emptyDir. */
public final class VolumeSources {
  private VolumeSources() {}

  /** The volume's emptyDir, or an empty one when the volume names no source at all (the server's default). */
  public static EmptyDirVolumeSource emptyDir(Volume v) {
    if (v.getEmptyDir() != null) {
      return v.getEmptyDir();
    }
    return noSource(v) ? new EmptyDirVolumeSource() : null;
  }

  private static boolean noSource(Volume v) {
    return v.getAwsElasticBlockStore() == null && v.getAzureDisk() == null && v.getAzureFile() == null
        && v.getCephfs() == null && v.getCinder() == null && v.getConfigMap() == null && v.getCsi() == null
        && v.getDownwardAPI() == null && v.getEphemeral() == null && v.getFc() == null && v.getFlexVolume() == null
        && v.getFlocker() == null && v.getGcePersistentDisk() == null && v.getGitRepo() == null
        && v.getGlusterfs() == null && v.getHostPath() == null && v.getImage() == null && v.getIscsi() == null
        && v.getNfs() == null && v.getPersistentVolumeClaim() == null && v.getPhotonPersistentDisk() == null
        && v.getPortworxVolume() == null && v.getProjected() == null && v.getQuobyte() == null && v.getRbd() == null
        && v.getScaleIO() == null && v.getSecret() == null && v.getStorageos() == null && v.getVsphereVolume() == null
        && v.getAdditionalProperties().isEmpty();
  }
}
