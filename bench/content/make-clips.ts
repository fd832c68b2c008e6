/**
 * Makes the ffmpeg-made part of the content-type dataset into `bench/clips/content/` (git-ignored),
 * deterministically: animation/CG from ffmpeg's generators, still/slideshow clips from the photos in
 * `../shared/data/images/`, and low-light clips made by darkening natural clips with sensor-like noise.
 * Existing outputs are kept. Each clip's family (its group for held-out evaluation) is in its name:
 * `<type>/<family>__<variant>.mp4`.
 *
 *   npx tsx bench/content/make-clips.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CLIPS_DIR, FOOTAGE_DIR, IMAGES_DIR, VIDEOS_DIR } from './paths.ts';

function ffmpeg(out: string, args: string[]): void {
  if (existsSync(out)) return;
  mkdirSync(dirname(out), { recursive: true });
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...args, '-an', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p', out], { stdio: 'inherit' });
  console.log(`made ${out}`);
}

/** A generator source `spec` for `d` seconds. */
const lavfi = (spec: string, d: number) => ['-f', 'lavfi', '-i', spec, '-t', String(d)];

function animation(): void {
  const dir = join(CLIPS_DIR, 'animation');
  const clips: [string, string[], string?][] = [
    ['ffmpeg-testsrc2__640', lavfi('testsrc2=s=640x360:r=30', 6)],
    ['ffmpeg-testsrc2__1280', lavfi('testsrc2=s=1280x720:r=25', 5)],
    ['ffmpeg-mandelbrot__480', lavfi('mandelbrot=s=480x360:r=25', 6)],
    ['ffmpeg-mandelbrot__800', lavfi('mandelbrot=s=800x448:r=24:start_scale=1.5', 5)],
    ['ffmpeg-life__mold', lavfi('life=s=320x240:r=15:mold=10:ratio=0.1:death_color=#C83232:life_color=#00ff00:mold_color=#198c19', 8), 'scale=640:480:flags=neighbor'],
    ['ffmpeg-life__gun', lavfi('life=s=400x224:r=30:ratio=0.3:life_color=#ffd000:death_color=#202060', 6), 'scale=800:448:flags=neighbor'],
    ['ffmpeg-cellauto__110', lavfi('cellauto=s=640x360:r=25:rule=110:scroll=1', 6)],
    ['ffmpeg-cellauto__30', lavfi('cellauto=s=320x180:r=12:rule=30:scroll=1', 8), 'scale=960:540:flags=neighbor'],
    ['ffmpeg-sierpinski__carpet', lavfi('sierpinski=s=640x480:r=25:type=carpet:jump=10', 6)],
    ['ffmpeg-sierpinski__triangle', lavfi('sierpinski=s=1024x576:r=30:type=triangle:jump=4', 4)],
    ['ffmpeg-gradients__linear', lavfi('gradients=s=854x480:r=30:speed=0.05:n=4:seed=7', 6)],
    ['ffmpeg-gradients__radial', lavfi('gradients=s=640x640:r=24:speed=0.03:type=radial:seed=3', 5)],
    ['ffmpeg-rgbtestsrc__scroll', lavfi('rgbtestsrc=s=640x360:r=25', 5), 'scroll=h=0.01,drawbox=x=40:y=40:w=120:h=60:color=white@1:t=fill'],
  ];
  for (const [name, input, vf] of clips) ffmpeg(join(dir, `${name}.mp4`), [...input, ...(vf ? ['-vf', vf] : [])]);
  // SMPTE bars with a box sliding across them: flat colours with one moving object.
  ffmpeg(join(dir, 'ffmpeg-smptebars__moving.mp4'), [
    '-f', 'lavfi', '-i', 'smptehdbars=s=1280x720:r=30', '-f', 'lavfi', '-i', 'color=c=0xffcc00:s=160x160:r=30',
    '-filter_complex', "[0][1]overlay=x='mod(t*300,1120)':y='280+120*sin(t*3)'", '-t', '5',
  ]);
}

function images(): string[] {
  if (!existsSync(IMAGES_DIR)) return [];
  return readdirSync(IMAGES_DIR).filter((f) => /\.(png|jpe?g)$/i.test(f)).sort();
}

function stills(): void {
  const dir = join(CLIPS_DIR, 'still-slideshow');
  const all = images();
  const sizes: [number, number][] = [[1280, 720], [960, 540], [640, 480], [1920, 1080], [854, 480]];
  const fpsList = [25, 30, 24, 30, 25];
  // Disjoint sets of three photos: every slideshow (and the stills made from its photos) is one family.
  for (let k = 0; k * 3 + 2 < all.length; k++) {
    const set = all.slice(3 * k, 3 * k + 3).map((f) => join(IMAGES_DIR, f));
    const [w, h] = sizes[k % sizes.length]!;
    const fps = fpsList[k % fpsList.length]!;
    const hold = 2 + (k % 3);
    const fit = `scale=${w}:${h}:force_original_aspect_ratio=decrease,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=${fps},format=yuv420p`;
    const inputs = set.flatMap((p) => ['-loop', '1', '-t', String(hold), '-i', p]);
    const family = `photos${String(k).padStart(2, '0')}`;
    if (k % 2 === 0) {
      const chain = set.map((_, i) => `[${i}]${fit}[v${i}]`).join(';') + `;${set.map((_, i) => `[v${i}]`).join('')}concat=n=${set.length}:v=1[out]`;
      ffmpeg(join(dir, `${family}__cuts.mp4`), [...inputs, '-filter_complex', chain, '-map', '[out]']);
    } else {
      const fade = 0.8;
      let chain = set.map((_, i) => `[${i}]${fit}[v${i}]`).join(';');
      let last = 'v0';
      for (let i = 1; i < set.length; i++) {
        chain += `;[${last}][v${i}]xfade=transition=fade:duration=${fade}:offset=${(hold - fade) * i}[x${i}]`;
        last = `x${i}`;
      }
      ffmpeg(join(dir, `${family}__fades.mp4`), [...inputs, '-filter_complex', chain, '-map', `[${last}]`]);
    }
    // One photo held still for the whole clip.
    ffmpeg(join(dir, `${family}__still.mp4`), ['-loop', '1', '-t', String(3 + (k % 4)), '-i', set[1]!, '-vf', fit]);
  }
}

/** Natural clips to darken, from distinct upstream sources. */
const DARKEN: [string, number, number][] = [
  [join(FOOTAGE_DIR, 'natural_courtyard_woman_dog_720p.mp4'), 0.22, 9],
  [join(FOOTAGE_DIR, 'natural_city_street_traffic_cyclists.mp4'), 0.3, 6],
  [join(FOOTAGE_DIR, 'natural_zoo_bear_walking.mp4'), 0.25, 8],
  [join(FOOTAGE_DIR, 'natural_car_mountain_road.mp4'), 0.2, 10],
  [join(FOOTAGE_DIR, 'natural_dashcam_highway_day.mp4'), 0.18, 7],
  [join(FOOTAGE_DIR, 'natural_traffic_cctv_residential_street.mp4'), 0.28, 12],
  [join(FOOTAGE_DIR, 'natural_outdoor_airplane_field_handheld.mp4'), 0.22, 8],
  [join(FOOTAGE_DIR, 'natural_indoor_lab_two_people_1080p.mp4'), 0.16, 6],
  [join(FOOTAGE_DIR, 'natural_handheld_kitten_phone.mp4'), 0.3, 10],
  [join(FOOTAGE_DIR, 'natural_webcam_indoor_waving_h264.webm'), 0.25, 9],
  [join(VIDEOS_DIR, 'cup.mp4'), 0.24, 8],
  [join(VIDEOS_DIR, 'box.mp4'), 0.2, 11],
];

function lowLight(): void {
  const dir = join(CLIPS_DIR, 'low-light');
  for (const [src, gain, noise] of DARKEN) {
    if (!existsSync(src)) continue;
    const base = src.split('/').pop()!.replace(/\.[^.]+$/, '');
    // Underexposure in linear light (gain^2.2 in signal), a slightly lifted black, desaturation
    // and temporal luma/chroma noise, as a small sensor at high gain gives.
    const vf = `scale=trunc(iw/2)*2:trunc(ih/2)*2,format=yuv420p,lutyuv=y='clip(16+(val-16)*${gain}+3,16,235)':u='128+(val-128)*0.55':v='128+(val-128)*0.55',noise=c0s=${noise}:c0f=t+u:c1s=${Math.round(noise / 2)}:c1f=t+u:c2s=${Math.round(noise / 2)}:c2f=t+u`;
    ffmpeg(join(dir, `dark-${base}__g${gain}.mp4`), ['-i', src, '-t', '6', '-vf', vf]);
  }
}

/**
 * Night looks from other natural clips: a gamma curve that crushes shadows and mid-tones but keeps
 * lamps and highlights (gamma, then gain), a sodium-orange or blue cast and sensor noise; and a few
 * near-black clips (a camera in an unlit room). Each joins the group of the clip it was made from.
 */
const NIGHT: [string, number, number, 'warm' | 'blue' | 'none', number][] = [
  [join(FOOTAGE_DIR, 'natural_pedestrian_street_overhead_1080p.mp4'), 1.8, 0.8, 'warm', 6],
  [join(FOOTAGE_DIR, 'natural_sports_skiing_pov_snow.mp4'), 2.2, 0.3, 'blue', 8],
  [join(FOOTAGE_DIR, 'natural_cockatoo_indoor_closeup_yuv444.mp4'), 1.6, 0.6, 'warm', 7],
  [join(FOOTAGE_DIR, 'natural_pouring_coffee_720p.mp4'), 2.0, 0.35, 'none', 5],
  [join(FOOTAGE_DIR, 'natural_sports_skateboard_240p.mp4'), 1.7, 0.65, 'blue', 9],
  [join(FOOTAGE_DIR, 'natural_phone_portrait_backpack_stairs.mp4'), 2.4, 0.9, 'warm', 6],
  [join(FOOTAGE_DIR, 'natural_city_street_traffic_cyclists.mp4'), 2.0, 0.85, 'blue', 5],
  [join(FOOTAGE_DIR, 'natural_lab_mouse_openfield_gray_yuv444.mp4'), 1.9, 0.35, 'none', 8],
];
/** Near-black clips: gain, and temporal noise (0: grain the encoder smoothed away, as in a compressed webcam). */
const BLACK: [string, number, number][] = [
  [join(FOOTAGE_DIR, 'natural_webcam_eye_makeup_mpeg4.avi'), 0.07, 0],
  [join(FOOTAGE_DIR, 'natural_handheld_indoor_dog_motion_blur.mp4'), 0.05, 3],
  [join(FOOTAGE_DIR, 'natural_sports_paragliding_launch.mp4'), 0.08, 0],
  [join(FOOTAGE_DIR, 'natural_indoor_lab_two_people_1080p.mp4'), 0.06, 0],
];

function night(): void {
  const dir = join(CLIPS_DIR, 'low-light');
  const cast = { warm: [0.8, 1.25], blue: [1.25, 0.85], none: [1, 1] };
  for (const [src, gamma, gain, tint, noise] of NIGHT) {
    if (!existsSync(src)) continue;
    const base = src.split('/').pop()!.replace(/\.[^.]+$/, '');
    const [cu, cv] = cast[tint];
    const y = `clip(16+219*${gain}*pow(max(val-16,0)/219,${gamma}),16,235)`;
    const vf = `scale=trunc(iw/2)*2:trunc(ih/2)*2,format=yuv420p,lutyuv=y='${y}':u='clip(128+(val-128)*0.7*${cu}+${tint === 'blue' ? 6 : tint === 'warm' ? -5 : 0},16,240)':v='clip(128+(val-128)*0.7*${cv}+${tint === 'warm' ? 8 : tint === 'blue' ? -4 : 0},16,240)',noise=c0s=${noise}:c0f=t+u:c1s=${Math.round(noise / 2)}:c1f=t+u:c2s=${Math.round(noise / 2)}:c2f=t+u`;
    ffmpeg(join(dir, `night-${base}__${tint}${gamma}.mp4`), ['-i', src, '-t', '6', '-vf', vf]);
  }
  for (const [src, gain, noise] of BLACK) {
    if (!existsSync(src)) continue;
    const base = src.split('/').pop()!.replace(/\.[^.]+$/, '');
    const vf = `scale=trunc(iw/2)*2:trunc(ih/2)*2,format=yuv420p,lutyuv=y='clip(16+(val-16)*${gain}+1,16,235)':u='128+(val-128)*0.3':v='128+(val-128)*0.3'${noise ? `,noise=c0s=${noise}:c0f=t+u` : ''}`;
    ffmpeg(join(dir, `black-${base}__g${gain}${noise ? '' : '-clean'}.mp4`), ['-i', src, '-t', '6', '-vf', vf]);
  }
}

animation();
stills();
lowLight();
night();
