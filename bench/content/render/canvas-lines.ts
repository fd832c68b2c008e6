/**
 * Line-art animation for the dataset: pictures made of strokes only, as vector intros and whiteboard
 * explainers are. One family draws glowing outlines on black (hills, clouds, a sun, a bird), the other
 * draws ink on a whiteboard, the strokes appearing as if drawn by hand (slight jitter, a pen that
 * moves), with a figure that then walks. Every clip the set had before drew filled areas; a cartoon
 * of lines alone read as text on a screen. Drawing helpers (`g`, `W`, `H`, `R`) come from `scenePage`.
 */
import type { CanvasScene } from './canvas-scenes.ts';

/** Strokes of a path drawn up to share `k` (0..1) of its points; `pts` is a flat x,y list. */
const PARTIAL = `function part(pts,k){const n=Math.max(2,Math.floor(pts.length/2*Math.min(1,k)));g.beginPath();g.moveTo(pts[0],pts[1]);for(let i=1;i<n;i++)g.lineTo(pts[2*i],pts[2*i+1]);g.stroke();}
function ring(cx,cy,r,n,j,rnd){const p=[];for(let i=0;i<=n;i++){const a=i/n*6.2832;p.push(cx+r*Math.cos(a)+j*(rnd()-0.5),cy+r*Math.sin(a)+j*(rnd()-0.5));}return p;}`;

const outlines = `${PARTIAL}
function draw(t){const rnd=R(5);g.fillStyle='#000';g.fillRect(0,0,W,H);g.lineJoin='round';g.lineCap='round';
const hills=[];for(let x=0;x<=W;x+=W/24)hills.push(x,H*0.72-H*0.22*Math.abs(Math.sin(x/W*5.1+0.4))-H*0.05*Math.sin(x/W*17));
g.strokeStyle='#fff';g.lineWidth=4;part(hills,t/2);
g.strokeStyle='#ffd34d';g.lineWidth=3;part(ring(W*0.78,H*0.22,H*0.08,40,0,rnd),(t-0.8)/1.2);
for(let i=0;i<3;i++){const cx=((W*(0.2+0.3*i)+t*30*(i+1))%(W+200))-100,cy=H*(0.15+0.07*i);g.strokeStyle='#8fd3ff';g.lineWidth=3;
g.beginPath();g.arc(cx,cy,28,Math.PI,0);g.arc(cx+40,cy-10,34,Math.PI,0);g.arc(cx+82,cy,26,Math.PI,0);g.lineTo(cx-28,cy);g.stroke();}
const bx=(t*140)%(W+80)-40,by=H*0.4+30*Math.sin(t*2),f=Math.sin(t*12)*14;g.strokeStyle='#fff';g.lineWidth=3;g.beginPath();g.moveTo(bx-24,by-f);g.quadraticCurveTo(bx-10,by-8,bx,by);g.quadraticCurveTo(bx+10,by-8,bx+24,by-f);g.stroke();
g.strokeStyle='#ff6b9a';g.lineWidth=2;for(let k=0;k<6;k++){const x=W*0.1+k*W*0.16,y=H*0.9;g.beginPath();g.moveTo(x,y);g.lineTo(x+8*Math.sin(t*3+k),y-30-8*Math.sin(t*2+k));g.stroke();}}`;

const whiteboard = `${PARTIAL}
function draw(t){const rnd=R(9);g.fillStyle='#f7f7f2';g.fillRect(0,0,W,H);g.lineJoin='round';g.lineCap='round';g.strokeStyle='#1d1d1f';g.lineWidth=3;
const house=[W*0.12,H*0.8,W*0.12,H*0.5,W*0.22,H*0.36,W*0.32,H*0.5,W*0.32,H*0.8,W*0.12,H*0.8];part(house.map((v)=>v+2*(rnd()-0.5)),t/1.2);
part(ring(W*0.22,H*0.6,H*0.05,24,3,rnd),(t-1)/0.6);
const tree=[W*0.82,H*0.8,W*0.82,H*0.55];part(tree,(t-1.4)/0.4);g.lineWidth=2.5;part(ring(W*0.82,H*0.45,H*0.12,36,6,rnd),(t-1.6)/0.8);
g.lineWidth=3;const wx=W*0.45+Math.max(0,t-2.4)*W*0.06,wy=H*0.8,s=Math.sin(t*7)*(t>2.4?1:0);if(t>0.6){
g.beginPath();g.arc(wx,wy-H*0.3,H*0.04,0,7);g.moveTo(wx,wy-H*0.26);g.lineTo(wx,wy-H*0.12);g.moveTo(wx,wy-H*0.12);g.lineTo(wx-H*0.05*s,wy);g.moveTo(wx,wy-H*0.12);g.lineTo(wx+H*0.05*s,wy);
g.moveTo(wx,wy-H*0.22);g.lineTo(wx-H*0.06,wy-H*0.16+H*0.03*s);g.moveTo(wx,wy-H*0.22);g.lineTo(wx+H*0.06,wy-H*0.16-H*0.03*s);g.stroke();}
g.strokeStyle='#d33';g.lineWidth=3;part([W*0.05,H*0.86,W*0.95,H*0.86],(t-0.2)/2);
const px=W*0.5+W*0.3*Math.cos(t*1.7),py=H*0.3+H*0.15*Math.sin(t*2.3);g.fillStyle='#333';g.save();g.translate(px,py);g.rotate(0.6);g.fillRect(0,0,12,90);g.fillStyle='#d33';g.fillRect(0,-10,12,12);g.restore();}`;

/** The line-art scenes (animation; each family is its own group). */
export const LINE_SCENES: CanvasScene[] = [
  { family: 'canvas-lineart', type: 'animation', w: 960, h: 540, draw: outlines },
  { family: 'canvas-whiteboard', type: 'animation', w: 1024, h: 576, draw: whiteboard },
];
