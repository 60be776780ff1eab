import { useState } from 'react';
import { imageSources, useImages } from '../images.jsx';

// The intrinsic size of each shape: the browser reserves the box before the file arrives.
const SHAPES = {
  poster: { kind: 'poster', width: 342, height: 513, preferred: 342 },
  backdrop: { kind: 'backdrop', width: 1280, height: 720, preferred: 1280 },
  profile: { kind: 'profile', width: 185, height: 278, preferred: 185 },
  logo: { kind: 'logo', width: 92, height: 92, preferred: 92 },
};

// An image from the catalogue, or a styled placeholder holding `label` when there is no
// path, no image configuration, or the file fails: never a broken-image icon. `alt`
// empty means the picture repeats text shown beside it. `eager`: in the first screen, not
// lazy; `priority`: the first screen's main pictures, also fetched ahead of the rest.
// `hold`: not yet (out of sight): the empty box it will fill, and no request.
export default function Picture({ shape, path, label = '', alt = '', sizes, className = '', eager = false, priority = false, hold = false }) {
  const { kind, width, height, preferred } = SHAPES[shape];
  const { status, images } = useImages();
  const [failedSrc, setFailedSrc] = useState(null);
  const sources = imageSources(images, kind, path, preferred);
  const classes = `picture picture-${shape} ${className}`.trim();

  if (hold || !sources || sources.src === failedSrc) {
    const waiting = (hold || status === 'loading') && path;
    return (
      <div
        className={`${classes} placeholder${waiting ? ' waiting' : ''}`}
        data-testid="placeholder"
        role={alt ? 'img' : undefined}
        aria-label={alt || undefined}
        aria-hidden={alt ? undefined : 'true'}
      >
        {!waiting && label && <span>{label}</span>}
      </div>
    );
  }
  return (
    // `loading` before `src`: attributes are set in this order, and a browser that sees
    // `src` first may start the download before it learns the image is lazy.
    <img
      loading={eager || priority ? 'eager' : 'lazy'}
      fetchpriority={priority ? 'high' : undefined}
      decoding="async"
      className={classes}
      width={width}
      height={height}
      sizes={sources.srcSet ? sizes : undefined}
      srcSet={sources.srcSet}
      src={sources.src}
      alt={alt}
      onError={() => setFailedSrc(sources.src)}
    />
  );
}
