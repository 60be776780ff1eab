import { useState } from 'react';
import { imageSources, useImages } from '../images.jsx';
import { PICTURE_AHEAD, useNearViewport } from '../nearViewport.js';

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
// Any other picture holds the empty box it will fill, and makes no request, until it comes
// within PICTURE_AHEAD of the viewport (a picture in a row scrolled sideways: until the
// row shows it); then it is an <img> loaded at once. Without IntersectionObserver, every
// picture is an <img> at once, which the browser loads lazily.
export default function Picture({ shape, path, label = '', alt = '', sizes, className = '', eager = false, priority = false }) {
  const { kind, width, height, preferred } = SHAPES[shape];
  const { status, images } = useImages();
  const [failedSrc, setFailedSrc] = useState(null);
  const [ref, near] = useNearViewport({ immediate: eager || priority || !path, rootMargin: PICTURE_AHEAD });
  const sources = imageSources(images, kind, path, preferred);
  const classes = `picture picture-${shape} ${className}`.trim();

  if (!near || !sources || sources.src === failedSrc) {
    const waiting = (!near || status === 'loading') && path;
    return (
      <div
        ref={ref}
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
      loading={eager || priority || typeof IntersectionObserver === 'function' ? 'eager' : 'lazy'}
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
